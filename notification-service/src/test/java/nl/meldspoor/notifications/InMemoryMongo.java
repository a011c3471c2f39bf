package nl.meldspoor.notifications;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The embedded engines' in-memory MongoDB-compatible store, as the local system serves it, for fast tests. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = EmbeddedMongoStore.inMemoryServer();
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        server.bind("localhost", 0);
        client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
        template = new MongoTemplate(client, "test");
    }

    public MongoTemplate template() {
        return template;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
