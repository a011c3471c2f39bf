package nl.meldspoor.web.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import nl.meldspoor.web.sessions.SessionsDatabaseRequired.NoSessionsDatabaseException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The web application's jar holds no database: without SPRING_DATASOURCE_URL and without the engines it refuses, saying what to do. */
class SessionsDatabaseRequiredTest {

    private final ApplicationContextRunner web = new ApplicationContextRunner().withUserConfiguration(SessionsDatabaseRequired.class);
    /** What the web application's jar sees: no embedded engines. */
    private final FilteredClassLoader jar = new FilteredClassLoader("nl.meldspoor.engines");

    @Test
    void withoutADatabaseAndWithoutTheEnginesTheWebApplicationRefusesNamingBoth() {
        web.withClassLoader(jar).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(NoSessionsDatabaseException.class);
            FailureAnalysis analysis = new SessionsDatabaseFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL");
            assertThat(analysis.getAction()).contains("java -Dloader.path=embedded-engines/target/engines -jar web/target/web-0.1.0-SNAPSHOT-exec.jar");
        });
    }

    @Test
    void withTheBoardsDatabaseItStarts() {
        web.withClassLoader(jar).withPropertyValues("spring.datasource.url=jdbc:postgresql://db/web")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void withTheEnginesOnTheClassPathItStarts() {
        web.run(context -> assertThat(context).hasNotFailed());
    }
}
