package nl.meldspoor.local;

import de.bwaldvogel.mongo.MongoServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.engines.mongo.EmbeddedMongoStore;
import nl.meldspoor.engines.postgres.EmbeddedPostgresDurability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engines, started once and shared by all services: a real PostgreSQL (embedded binaries), a real
 * KRaft Kafka broker in this JVM, mongo-java-server with its H2 backend, and an SMTP server (GreenMail)
 * that keeps the mail on this machine. All keep their data under the data directory, so a restart finds
 * everything again.
 */
public final class Engines implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engines.class);
    static final List<String> DATABASES = List.of("cases", "signals", "web");

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafkaBroker kafka;
    private final MongoServer mongo;
    private final LocalMailServer mail;

    private Engines(EmbeddedPostgres postgres, EmbeddedKafkaBroker kafka, MongoServer mongo, LocalMailServer mail) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
    }

    static Engines start(LocalSettings settings) throws IOException {
        Path data = settings.dataDirectory();
        EmbeddedPostgres postgres = startPostgres(data.resolve("postgres"), settings.postgresPort());
        createDatabases(postgres);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.builder(data.resolve("kafka")).clientPort(settings.kafkaPort()).build();
        kafka.start();
        // the same store a lone service opens: keeps the chunks a running scan reads (see EmbeddedMongoStore)
        MongoServer mongo = EmbeddedMongoStore.server(data.resolve("mongo").resolve("meldspoor.mv.db"));
        mongo.bind("localhost", settings.mongoPort());
        LocalMailServer mail = LocalMailServer.start(settings.smtpPort(), data.resolve("mail"));
        log.info("Engines up: PostgreSQL on {}, Kafka on {}, MongoDB on {}, SMTP on {} (mail kept in {})", postgres.getPort(),
                kafka.bootstrapServers(), mongo.getLocalAddress().getPort(), mail.port(), mail.archive());
        return new Engines(postgres, kafka, mongo, mail);
    }

    /**
     * PostgreSQL with its normal durability (fsync, synchronous commit, full-page writes), because the README
     * promises that {@code data/local} keeps everything: the embedded binaries' test defaults would let a crash
     * of the machine corrupt it.
     */
    static EmbeddedPostgres startPostgres(Path directory, int port) throws IOException {
        Files.createDirectories(directory);
        return EmbeddedPostgresDurability.configure(EmbeddedPostgres.builder(), true)
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
    }

    private static void createDatabases(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the local databases", e);
        }
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoUri(String database) {
        return "mongodb://localhost:" + mongo.getLocalAddress().getPort() + "/" + database;
    }

    public int smtpPort() {
        return mail.port();
    }

    /** Where every mail sent is kept as an .eml file. */
    public Path mailArchive() {
        return mail.archive();
    }

    /** The broker itself, so the end-to-end tests can take Kafka away and bring it back. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        mail.close();
        kafka.stop();
        mongo.shutdown();
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("PostgreSQL did not stop cleanly", e);
        }
    }
}
