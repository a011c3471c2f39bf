package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every service of the local system starts with an explicit heap, whatever JVM options are chosen. */
class LocalSettingsTest {

    @Test
    void byDefaultServicesStartWithTheQuickStartOptionsAndAnExplicitHeap() {
        assertThat(LocalSettings.fromEnvironment().jvmOptions()).isEqualTo(LocalSettings.QUICK_START_JVM_OPTIONS)
                .contains(LocalSettings.DEFAULT_HEAP, "-XX:TieredStopAtLevel=1");
    }

    @Test
    void optionsWithoutAHeapGetTheDefaultHeap() {
        assertThat(LocalSettings.fromEnvironment().withJvmOptions(List.of("-XX:+UseG1GC")).jvmOptions())
                .containsExactly(LocalSettings.DEFAULT_HEAP, "-XX:+UseG1GC");
        assertThat(LocalSettings.jvmOptionsNamed("-XX:+UseParallelGC -Xss512k")).containsExactly("-XX:+UseParallelGC", "-Xss512k");
    }

    @Test
    void optionsWithAHeapKeepIt() {
        assertThat(LocalSettings.fromEnvironment().withJvmOptions(List.of("-Xmx2g", "-XX:+UseZGC")).jvmOptions())
                .containsExactly("-Xmx2g", "-XX:+UseZGC");
    }

    @Test
    void productionOptionsAreNamedAndUseTheFullJitWithG1() {
        assertThat(LocalSettings.jvmOptionsNamed("production")).isEqualTo(LocalSettings.PRODUCTION_JVM_OPTIONS)
                .contains("-XX:+UseG1GC").noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"))
                .anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(LocalSettings.jvmOptionsNamed("quick-start")).isEqualTo(LocalSettings.QUICK_START_JVM_OPTIONS);
    }
}
