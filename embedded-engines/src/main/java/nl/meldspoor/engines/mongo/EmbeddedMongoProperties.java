package nl.meldspoor.engines.mongo;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The MongoDB-compatible server a service starts itself when no {@code spring.data.mongodb.uri} is
 * configured (mongo-java-server; no MongoDB binary is needed).
 *
 * @param dataFile where the H2 backend keeps the data, so a restart keeps the read models; ignored when {@code inMemory}
 * @param inMemory keep nothing on disk (tests)
 * @param database database name in the connection string
 */
@ConfigurationProperties("meldspoor.embedded.mongo")
public record EmbeddedMongoProperties(Path dataFile, boolean inMemory, String database) {

    public EmbeddedMongoProperties {
        database = database == null || database.isBlank() ? "meldspoor" : database;
    }
}
