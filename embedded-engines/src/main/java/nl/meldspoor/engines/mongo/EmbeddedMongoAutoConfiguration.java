package nl.meldspoor.engines.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The embedded default for read models: without a configured MongoDB the service starts
 * mongo-java-server with its H2 backend on disk, so a restart keeps the read models. It supports what
 * the read models use (queries, paging, sorting, unique indexes, upserts, simple aggregations) but
 * no transactions, TTL or non-unique indexes (STACK.md): read models must be correct without them.
 */
@AutoConfiguration(before = MongoAutoConfiguration.class)
// by name: a service without MongoDB (the case-service) has this module on its class path too, without the driver
@ConditionalOnClass(name = {"de.bwaldvogel.mongo.MongoServer", "de.bwaldvogel.mongo.backend.h2.H2Backend", "com.mongodb.ConnectionString",
        "org.springframework.data.mongodb.core.MongoTemplate"})
@Conditional(NoMongoUriConfigured.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public class EmbeddedMongoAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoAutoConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment environment) throws IOException {
        MongoServer server;
        if (properties.inMemory()) {
            server = EmbeddedMongoStore.inMemoryServer();
        } else {
            Path file = properties.dataFile() != null
                    ? properties.dataFile()
                    : Path.of("data", environment.getProperty("spring.application.name", "meldspoor"), "mongo.mv.db");
            // not new H2Backend(file): see EmbeddedMongoStore, why a long scan lost its chunks under load
            server = EmbeddedMongoStore.server(file);
        }
        server.bind("localhost", 0);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB (mongo-java-server) listening on port {}", address.getPort());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer, EmbeddedMongoProperties properties) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://localhost:" + address.getPort() + "/" + properties.database());
        return () -> connection;
    }
}
