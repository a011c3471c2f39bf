package nl.meldspoor.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A lone service's embedded PostgreSQL keeps its data directory through a crash of the machine: fsync,
 * synchronous commit and full-page writes are on unless a test switches them off.
 */
class EmbeddedPostgresDurabilityTest {

    @TempDir
    Path data;

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class));

    @Test
    void theEmbeddedDefaultIsDurable() {
        service.withPropertyValues("meldspoor.embedded.postgres.data-directory=" + data.resolve("durable"))
                .run(context -> assertThat(settings(context.getBean(DataSource.class)))
                        .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on").containsEntry("full_page_writes", "on"));
    }

    @Test
    void aTestMaySwitchDurabilityOff() {
        service.withPropertyValues("meldspoor.embedded.postgres.data-directory=" + data.resolve("fast"),
                        "meldspoor.embedded.postgres.durable=false")
                .run(context -> assertThat(settings(context.getBean(DataSource.class)))
                        .containsEntry("fsync", "off").containsEntry("synchronous_commit", "off"));
    }

    static Map<String, String> settings(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        return Map.of(
                "fsync", jdbc.queryForObject("SHOW fsync", String.class),
                "synchronous_commit", jdbc.queryForObject("SHOW synchronous_commit", String.class),
                "full_page_writes", jdbc.queryForObject("SHOW full_page_writes", String.class));
    }
}
