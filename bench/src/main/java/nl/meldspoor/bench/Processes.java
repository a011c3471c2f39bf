package nl.meldspoor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.meldspoor.engines.JvmUpkeep;

/**
 * The processes of the local system as the operating system sees them (/proc): this JVM (the embedded engines and
 * the bench's clients), each service's JVM and the PostgreSQL processes.
 */
final class Processes {

    static final List<String> SERVICES = List.of("case-service", "signal-service", "reporting-service", "notification-service", "web");
    static final String THIS_JVM = "engines+bench (this JVM)";

    private Processes() {
    }

    /** Process name → handles: "engines+bench" (this JVM), each service, "postgres". */
    static Map<String, List<ProcessHandle>> byName(Path data) {
        Map<String, List<ProcessHandle>> named = new LinkedHashMap<>();
        named.put(THIS_JVM, List.of(ProcessHandle.current()));
        List<ProcessHandle> descendants = ProcessHandle.current().descendants().toList();
        for (String service : SERVICES) {
            named.put(service, descendants.stream().filter(p -> commandLine(p).contains("/" + service + "-")).toList());
        }
        named.put("postgres", postgres(data));
        return named;
    }

    /**
     * The embedded PostgreSQL's postmaster (pg_ctl daemonizes it, so it is no child of this JVM: found by its data
     * directory) and its backends.
     */
    static List<ProcessHandle> postgres(Path data) {
        String directory = data.resolve("postgres").toString();
        return ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(directory))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants())).distinct().toList();
    }

    static String commandLine(ProcessHandle process) {
        return process.info().commandLine().orElse("");
    }

    /** CPU time of all the local system's processes: services, PostgreSQL and this JVM. */
    static Duration cpuOfAll(Path data) {
        return Stream.of(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants(), postgres(data).stream())
                .flatMap(s -> s).distinct().map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /** CPU time per process name of {@link #byName} (a PostgreSQL backend that ended meanwhile is not counted; the pools keep theirs). */
    static Map<String, Duration> cpuByName(Path data) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        byName(data).forEach((name, processes) -> cpu.put(name, processes.stream()
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus)));
        return cpu;
    }

    /** CPU time per process name of {@link #byName} spent by the JVMs' own upkeep ({@link JvmUpkeep}); not for PostgreSQL. */
    static Map<String, JvmUpkeep> upkeepByName(Path data) {
        Map<String, JvmUpkeep> upkeep = new LinkedHashMap<>();
        byName(data).forEach((name, processes) -> {
            if (!name.equals("postgres")) {
                upkeep.put(name, processes.stream().map(process -> JvmUpkeep.of(process.pid())).reduce(JvmUpkeep.NONE, JvmUpkeep::plus));
            }
        });
        return upkeep;
    }

    /** Resident set size in MB (VmRSS from /proc), summed over the processes. */
    static long rssMegabytes(List<ProcessHandle> processes) {
        long kilobytes = 0;
        for (ProcessHandle process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kilobytes += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile (a PostgreSQL backend)
            }
        }
        return kilobytes / 1024;
    }

    /** The JVM options a service was started with (everything before -jar). */
    static String jvmFlags(ProcessHandle process) {
        List<String> arguments = List.of(process.info().arguments().orElse(new String[0]));
        int jar = arguments.indexOf("-jar");
        return String.join(" ", jar < 0 ? arguments : arguments.subList(0, jar));
    }
}
