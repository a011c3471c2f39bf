package nl.meldspoor.notifications;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import de.bwaldvogel.mongo.MongoServer;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The embedded engines' in-memory MongoDB-compatible store, as the local system serves it, for fast tests. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = EmbeddedMongoStore.inMemoryServer();
    private final MongoClient client;
    private final MongoTemplate template;

    public InMemoryMongo() {
        this(null);
    }

    /** With a listener that sees every command the template sends (a test counting what reaches the store). */
    public InMemoryMongo(CommandListener listener) {
        server.bind("localhost", 0);
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://localhost:" + server.getLocalAddress().getPort()));
        if (listener != null) {
            settings.addCommandListener(listener);
        }
        client = MongoClients.create(settings.build());
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
