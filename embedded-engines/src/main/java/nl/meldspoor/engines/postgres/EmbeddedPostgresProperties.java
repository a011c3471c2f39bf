package nl.meldspoor.engines.postgres;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL a service starts itself when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory where the cluster keeps its data; kept across restarts unless {@code clean}
 * @param port          TCP port, 0 for any free port
 * @param clean         start from an empty cluster (tests)
 * @param database      database to create and use
 * @param durable       fsync, synchronous commit and full-page writes on (the default); off only for tests
 */
@ConfigurationProperties("meldspoor.embedded.postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, int port, boolean clean, String database, Boolean durable) {

    public EmbeddedPostgresProperties {
        database = database == null || database.isBlank() ? "meldspoor" : database;
        durable = durable == null || durable;
    }
}
