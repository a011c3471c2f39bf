package nl.meldspoor.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import nl.meldspoor.platform.engines.EngineAddressesAutoConfiguration;
import nl.meldspoor.platform.engines.MissingEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The notification-service's jar holds no SMTP server: without {@code SPRING_MAIL_HOST} and without the embedded engines
 * it refuses to start naming the variable, rather than sending the mail (an urgent signal's, say) nowhere.
 */
class MailHostRequiredTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EngineAddressesAutoConfiguration.class))
            .withPropertyValues("spring.application.name=notification-service", "spring.kafka.bootstrap-servers=kafka:9092",
                    "spring.data.mongodb.uri=mongodb://mongo/notifications")
            .withClassLoader(new FilteredClassLoader("nl.meldspoor.engines"));

    @Test
    void withoutAMailHostTheServiceRefusesNamingIt() {
        service.run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(MissingEngineException.class);
            assertThat(((MissingEngineException) cause).variables()).containsExactly("SPRING_MAIL_HOST");
        });
    }

    @Test
    void withAMailHostTheServiceStarts() {
        service.withPropertyValues("spring.mail.host=smtp.bestuur.example").run(context -> assertThat(context).hasNotFailed());
    }
}
