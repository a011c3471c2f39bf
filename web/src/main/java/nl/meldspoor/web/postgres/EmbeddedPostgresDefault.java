package nl.meldspoor.web.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Without {@code spring.datasource.url} the web application starts its own PostgreSQL (embedded binaries) for the
 * sessions, with the data in a directory, so running it alone needs nothing else and a restart signs nobody out.
 * It does not use the services' platform: the web application holds no events, only sessions.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresDefault.NoDataSourceUrl.class)
@EnableConfigurationProperties(EmbeddedPostgresDefault.Settings.class)
public class EmbeddedPostgresDefault {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresDefault.class);

    /**
     * @param dataDirectory where the data stays
     * @param clean         start from an empty directory (tests)
     */
    @ConfigurationProperties("meldspoor.embedded-postgres")
    public record Settings(Path dataDirectory, boolean clean) {
    }

    static class NoDataSourceUrl implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(Settings settings) throws IOException {
        Path directory = settings.dataDirectory() != null ? settings.dataDirectory() : Path.of("data", "meldspoor-web", "postgres");
        Files.createDirectories(directory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.toAbsolutePath())
                .setCleanDataDirectory(settings.clean())
                .start();
        log.info("Embedded PostgreSQL for the sessions started on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres-sessions");
        dataSource.setMaximumPoolSize(5);
        return dataSource;
    }
}
