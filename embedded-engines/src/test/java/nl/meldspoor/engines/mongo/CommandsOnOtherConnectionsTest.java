package nl.meldspoor.engines.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that takes long on one connection holds up no command on another ({@link EmbeddedMongoServer}): with
 * mongo-java-server's default of four workers on two cores, the clients' connections share the worker of the
 * connection whose command is held, and one of theirs waits until it is released.
 */
class CommandsOnOtherConnectionsTest {

    private static final int OTHER_CLIENTS = 15;

    @TempDir
    Path data;

    @Test
    void aCommandHeldOnOneConnectionHoldsUpNoCommandOnAnother() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MongoServer server = new EmbeddedMongoServer(new EmbeddedMongoStore.ScanSafeH2Backend(EmbeddedMongoStore.openStore(data.resolve("held.mv.db"))) {
            @Override
            public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
                if ("find".equals(command) && "held".equals(query.get("find"))) {
                    held.countDown();
                    await(release);
                }
                return super.handleCommand(channel, databaseName, command, query);
            }
        });
        InetSocketAddress address = server.bind();
        String uri = "mongodb://localhost:" + address.getPort();
        List<MongoClient> clients = new ArrayList<>();
        try {
            MongoClient holding = MongoClients.create(uri);
            clients.add(holding);
            CompletableFuture<Object> heldFind = CompletableFuture.supplyAsync(() -> holding.getDatabase("db").getCollection("held").find().first());
            assertThat(held.await(30, TimeUnit.SECONDS)).as("the held command reached the server").isTrue();

            List<CompletableFuture<Long>> others = new ArrayList<>();
            for (int i = 0; i < OTHER_CLIENTS; i++) {
                MongoClient other = MongoClients.create(uri);
                clients.add(other);
                others.add(CompletableFuture.supplyAsync(() -> other.getDatabase("db").getCollection("other").countDocuments()));
            }
            for (CompletableFuture<Long> other : others) {
                // a deadline for an answer, not a speed: a command behind the held one gets none until it is released
                assertThat(other.get(60, TimeUnit.SECONDS)).isZero();
            }
            assertThat(heldFind).as("the held command is still held").isNotDone();
            release.countDown();
            assertThat(heldFind.get(30, TimeUnit.SECONDS)).isNull();
        } finally {
            release.countDown();
            clients.forEach(MongoClient::close);
            server.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
