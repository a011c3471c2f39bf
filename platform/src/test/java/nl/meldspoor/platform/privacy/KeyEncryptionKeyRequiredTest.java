package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * A write service outside the embedded default (a database URL configured) does not start without its
 * key-encryption key; the embedded default (no database URL) still starts without one.
 */
class KeyEncryptionKeyRequiredTest {

    private static final String EXTERNAL_DATABASE = "spring.datasource.url=jdbc:postgresql://postgres.internal:5432/signals";
    private static final String A_KEY = "meldspoor.personal-data.key-encryption-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    // The write service's part of the personal-data configuration, before any of its beans is made.
    private final ApplicationContextRunner writeService = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PersonalDataAutoConfiguration.class))
            .withPropertyValues("meldspoor.publishing.topic=meldspoor.signal-events", "spring.application.name=signal-service");

    @Test
    void aServiceOnAConfiguredDatabaseRefusesToStartWithoutItsKeyEncryptionKey() {
        writeService.withPropertyValues(EXTERNAL_DATABASE).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .isInstanceOf(MissingKeyEncryptionKeyException.class)
                    .hasMessageContaining("MELDSPOOR_KEY_ENCRYPTION_KEY")
                    .hasMessageContaining("openssl rand -base64 32");
        });
    }

    @Test
    void aBlankKeyEncryptionKeyCountsAsNone() {
        writeService.withPropertyValues(EXTERNAL_DATABASE, "meldspoor.personal-data.key-encryption-key=  ").run(context ->
                assertThat(context.getStartupFailure()).isInstanceOf(MissingKeyEncryptionKeyException.class));
    }

    @Test
    void theEmbeddedDefaultPassesTheCheckWithoutAKeyEncryptionKey() {
        new ApplicationContextRunner().withBean(KeyEncryptionKeyRequired.class).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aServiceOnAConfiguredDatabaseWithItsKeyPassesTheCheck() {
        new ApplicationContextRunner().withBean(KeyEncryptionKeyRequired.class).withPropertyValues(EXTERNAL_DATABASE, A_KEY)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theStartupFailureSaysWhichVariableToSetAndHowToGenerateIt() {
        FailureAnalyzer ours = SpringFactoriesLoader.forDefaultResourceLocation()
                // Boot's own analyzers want a bean factory; only ours is looked for here.
                .load(FailureAnalyzer.class, null, (type, name, failure) -> { }).stream()
                .filter(MissingKeyEncryptionKeyFailureAnalyzer.class::isInstance).findFirst().orElseThrow();

        FailureAnalysis analysis = ours.analyze(new IllegalStateException("wrapped", new MissingKeyEncryptionKeyException()));

        assertThat(analysis.getDescription()).contains("MELDSPOOR_KEY_ENCRYPTION_KEY is not set").contains("spring.datasource.url");
        assertThat(analysis.getAction()).contains("MELDSPOOR_KEY_ENCRYPTION_KEY").contains("openssl rand -base64 32");
    }
}
