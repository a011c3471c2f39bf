package nl.meldspoor.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL per test JVM (embedded binaries, no Docker needed), with a fresh database for
 * every Spring context that asks for one. Where Docker exists, the same tests can run against a
 * PostgreSQL container instead: both end up as a plain {@code spring.datasource.url}.
 */
public final class TestPostgres {

    /**
     * A key-encryption key for tests only (32 bytes of ASCII, base64): a service on a configured database does not
     * start without one, as in compose and k8s, where each service has its own from its secret.
     */
    public static final String TEST_KEY_ENCRYPTION_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Points the context under test at a new, empty database on the shared embedded server. */
    public static void registerFreshDatabase(DynamicPropertyRegistry registry) {
        String url = freshDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("meldspoor.personal-data.key-encryption-key", () -> TEST_KEY_ENCRYPTION_KEY);
    }

    public static synchronized String freshDatabaseUrl() {
        EmbeddedPostgres postgres = server();
        String database = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database", e);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (Boolean.getBoolean("bench")) {
                    // the write-path probe reads what the server executed per command (pg_stat_statements)
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL for tests", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return server;
    }
}
