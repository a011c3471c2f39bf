package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.net.SocketAddress;

/**
 * mongo-java-server with enough Netty workers that its connections seldom share one. mongo-java-server runs every
 * command on its connection's worker thread (1.47: its command handler is added to the pipeline without an executor of
 * its own), and Netty's default is two workers per core: on two cores four, which the local system's few dozen
 * connections of five services shared. So a scan of one service (the notification-service's due mails, the reminder
 * scan's due cases: one to three seconds on a board's stores) held up every command that came on the other connections
 * of its worker — a board dashboard waited 1.8 s for a one-document look-up (JFR of the board-size bench, 2026-12-06).
 * Connections are given to workers in turn, so with more workers than connections none waits for another's command;
 * an idle worker costs a thread blocked in its selector.
 */
final class EmbeddedMongoServer extends MongoServer {

    static final int WORKER_THREADS = 64;

    EmbeddedMongoServer(MongoBackend backend) {
        super(backend);
    }

    @Override
    public void bind(SocketAddress address) {
        bind(address, 1, WORKER_THREADS);
    }
}
