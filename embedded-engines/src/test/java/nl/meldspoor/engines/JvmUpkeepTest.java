package nl.meldspoor.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** What a JVM spent compiling and collecting, read from its threads in /proc. */
@EnabledOnOs(OS.LINUX)
class JvmUpkeepTest {

    @Test
    void thisJvmsCompilerThreadsAreFoundAndTheirTimeOnlyGrows() {
        long pid = ProcessHandle.current().pid();
        JvmUpkeep before = JvmUpkeep.of(pid);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // work with many small methods gets compiled; the compilers' CPU shows in /proc in ticks of 10 ms
        while (JvmUpkeep.of(pid).jit().isZero() && System.nanoTime() < deadline) {
            List<String> words = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                words.add(Integer.toHexString(i * 31).repeat(1 + i % 3));
            }
            new TreeMap<String, Integer>().putAll(words.stream().collect(java.util.stream.Collectors.toMap(w -> w, String::length, Integer::sum)));
        }
        JvmUpkeep after = JvmUpkeep.of(pid);
        assertThat(after.jit()).as("CPU of this JVM's C1/C2 compiler threads").isPositive();
        assertThat(after.minus(before).jit()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(after.minus(before).gc()).isGreaterThanOrEqualTo(Duration.ZERO);
    }

    @Test
    void aProcessThatIsGoneSpentNothing() {
        assertThat(JvmUpkeep.of(Long.MAX_VALUE)).isEqualTo(JvmUpkeep.NONE);
    }
}
