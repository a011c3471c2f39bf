package nl.meldspoor.platform.engines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A service's jar has no embedded engines: without an engine's address it refuses to start and says what to set. */
class EngineAddressesTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EngineAddressesAutoConfiguration.class))
            .withPropertyValues("spring.application.name=case-service");
    /** What a production jar sees: the platform, the drivers and clients, no embedded engines. */
    private final FilteredClassLoader productionJar = new FilteredClassLoader("nl.meldspoor.engines");

    @Test
    void withoutAddressesAndWithoutTheEmbeddedEnginesTheServiceRefusesNamingEveryVariableAndTheLoaderPath() {
        service.withClassLoader(productionJar).run(context -> {
            assertThat(context).hasFailed();
            assertThat(rootCause(context.getStartupFailure())).isInstanceOf(MissingEngineException.class);
            MissingEngineException missing = (MissingEngineException) rootCause(context.getStartupFailure());
            assertThat(missing.variables()).containsExactly("SPRING_DATASOURCE_URL", "SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_DATA_MONGODB_URI");
            FailureAnalysis analysis = new MissingEngineFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL").contains("embedded engines");
            assertThat(analysis.getAction())
                    .contains("java -Dloader.path=embedded-engines/target/engines -jar case-service/target/case-service-0.1.0-SNAPSHOT-exec.jar");
        });
    }

    @Test
    void withEveryAddressConfiguredTheServiceStartsWithoutTheEmbeddedEngines() {
        service.withClassLoader(productionJar)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db/cases", "spring.kafka.bootstrap-servers=kafka:9092",
                        "spring.data.mongodb.uri=mongodb://mongo/reporting")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void onlyTheMissingAddressIsNamed() {
        service.withClassLoader(productionJar)
                .withPropertyValues("spring.datasource.url=jdbc:postgresql://db/cases", "spring.data.mongodb.host=mongo")
                .run(context -> assertThat(((MissingEngineException) rootCause(context.getStartupFailure())).variables())
                        .containsExactly("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void withTheEmbeddedEnginesOnTheClassPathNoAddressIsNeeded() {
        service.run(context -> assertThat(context).hasNotFailed());
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
