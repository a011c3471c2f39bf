package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Memory is bounded: every service of the local system and the JVM that hosts the engines (Kafka, mongo-java-server;
 * in the tests the failsafe JVM, otherwise the local system's own) run with an explicit heap, read from each process's
 * command line as the kernel has it. The resident set sizes are printed for the README (no assertion on them: they depend
 * on what ran before in the shared system).
 */
@EnabledOnOs(OS.LINUX)
class BoundedMemoryIT {

    private static LocalSystem system;

    @BeforeAll
    static void theSharedSystem() throws Exception {
        system = SharedLocalSystem.withDemoBoard();
    }

    @Test
    void everyServiceAndTheEnginesJvmRunWithAnExplicitHeap() throws IOException {
        Map<String, Long> processes = new LinkedHashMap<>(system.serviceProcessIds());
        assertThat(processes).as("the local system's services").containsOnlyKeys("case-service", "signal-service", "reporting-service",
                "notification-service", "web");
        processes.put("engines (this JVM)", ProcessHandle.current().pid());

        StringBuilder report = new StringBuilder("BoundedMemoryIT: process, heap option, resident set (MB)\n");
        for (Map.Entry<String, Long> process : processes.entrySet()) {
            List<String> commandLine = commandLine(process.getValue());
            List<String> heap = commandLine.stream().filter(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize=")).toList();
            assertThat(heap).as(process.getKey() + " runs with an explicit heap: " + commandLine).isNotEmpty();
            report.append(String.format("  %-22s %-10s %6d%n", process.getKey(), heap.get(heap.size() - 1), residentMegabytes(process.getValue())));
        }
        long postgres = ProcessHandle.current().descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .mapToLong(child -> residentMegabytes(child.pid())).sum();
        report.append(String.format("  %-22s %-10s %6d (all its processes, shared buffers counted in each)%n", "PostgreSQL", "-", postgres));
        System.out.print(report);
    }

    private static List<String> commandLine(long pid) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
        return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    }

    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
