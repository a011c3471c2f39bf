package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A lone service's embedded MongoDB: the scan-safe store on its data file, kept through a restart. */
class EmbeddedMongoAutoConfigurationTest {

    @TempDir
    Path data;

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMongoAutoConfiguration.class));

    @Test
    void aLoneServiceKeepsItsReadModelsThroughARestart() {
        String file = "meldspoor.embedded.mongo.data-file=" + data.resolve("reporting").resolve("mongo.mv.db");
        service.withPropertyValues(file).run(context -> {
            try (MongoClient client = client(context.getBean(MongoServer.class))) {
                client.getDatabase("meldspoor").getCollection("counters").insertOne(new Document("_id", "bs-001|2026-12").append("opened", 3));
            }
        });
        assertThat(data.resolve("reporting").resolve("mongo.mv.db")).exists();
        service.withPropertyValues(file).run(context -> {
            try (MongoClient client = client(context.getBean(MongoServer.class))) {
                assertThat(client.getDatabase("meldspoor").getCollection("counters").find().first()).containsEntry("opened", 3);
            }
        });
    }

    private static MongoClient client(MongoServer server) {
        return MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
    }
}
