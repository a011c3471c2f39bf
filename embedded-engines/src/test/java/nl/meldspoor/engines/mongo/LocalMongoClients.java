package nl.meldspoor.engines.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.util.ArrayList;
import java.util.List;

/** Servers on backends under test, each with a driver's client, all closed at once. */
final class LocalMongoClients implements AutoCloseable {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    /** The collection {@code test.views} on a server of its own on the backend. */
    MongoCollection<org.bson.Document> views(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        server.bind("localhost", 0);
        MongoClient client = MongoClients.create("mongodb://localhost:" + server.getLocalAddress().getPort());
        clients.add(client);
        return client.getDatabase("test").getCollection("views");
    }

    /** How many collections {@link #views} gave. */
    int opened() {
        return servers.size();
    }

    /** Closes the client and stops the server of the collection {@link #views} gave {@code index}-th (from 0). */
    void stop(int index) {
        clients.get(index).close();
        servers.get(index).shutdownNow();
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }
}
