package nl.meldspoor.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The CPU time a JVM spent on its own upkeep rather than the work: its JIT compiler threads ({@code C1/C2
 * CompilerThread}) and its garbage collection (G1's threads, the parallel {@code GC Thread}s and the {@code VM Thread},
 * where the serial collector and every safepoint run), read from each thread's {@code /proc} stat (Linux). For the
 * probes, which measure warm services and say what the JIT still took.
 */
public record JvmUpkeep(Duration jit, Duration gc) {

    public static final JvmUpkeep NONE = new JvmUpkeep(Duration.ZERO, Duration.ZERO);
    /** The probes warm up until the JIT compilers take less than this share of the CPU in a round… */
    public static final double SETTLED_JIT_SHARE = 0.10;
    /** …or for this long at most: on two shared cores the JIT of these services never settles within it. */
    public static final Duration WARM_UP_AT_MOST = Duration.ofSeconds(90);

    /** The kernel's clock ticks per second in {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    /** What the process spent so far; {@link #NONE} for a process that ended or a system without {@code /proc}. */
    public static JvmUpkeep of(long pid) {
        Duration jit = Duration.ZERO;
        Duration gc = Duration.ZERO;
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path thread : threads.toList()) {
                String stat;
                try {
                    stat = Files.readString(thread.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // after the name: state (field 3) … utime (14), stime (15)
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                Duration cpu = Duration.ofMillis((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND);
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    jit = jit.plus(cpu);
                } else if (name.startsWith("G1 ") || name.startsWith("GC Thread") || name.equals("VM Thread")) {
                    gc = gc.plus(cpu);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return NONE;
        }
        return new JvmUpkeep(jit, gc);
    }

    public JvmUpkeep plus(JvmUpkeep other) {
        return new JvmUpkeep(jit.plus(other.jit), gc.plus(other.gc));
    }

    public JvmUpkeep minus(JvmUpkeep other) {
        return new JvmUpkeep(jit.minus(other.jit), gc.minus(other.gc));
    }
}
