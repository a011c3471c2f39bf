package nl.meldspoor.engines.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import nl.meldspoor.engines.FreePorts;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker running in KRaft combined mode (broker + controller in one
 * node) inside the current JVM. Built directly on {@code kafka_2.13} (no spring-kafka-test, no test jars).
 *
 * <p>Lifecycle: {@link #start()} formats the data directory on first use and starts the server;
 * {@link #stop()} shuts it down and releases ports and file locks. The instance can be started again
 * after a stop, on the same ports and data directory, and all topics/records survive. Ports are
 * fixed when the instance is built (0 = pick a free port now), so clients configured with
 * {@link #bootstrapServers()} reconnect to the restarted broker by themselves.
 *
 * <p>start/stop are synchronized on the instance. Several instances (different data dirs and ports)
 * can run in one JVM at the same time; they share only JVM-global Kafka state (Yammer metrics
 * registry, JMX names, the Exit guard below), which does not affect their function.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final String HOST = "localhost";
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    /** The client (and inter-broker) listener when secured: SASL/SCRAM-SHA-512, as in compose and k8s. */
    private static final String SCRAM_LISTENER = "SCRAM";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private static final AtomicBoolean EXIT_GUARD_INSTALLED = new AtomicBoolean();

    private final Path dataDir;
    private final int nodeId;
    private final int clientPort;
    private final int controllerPort;
    private final Duration startupTimeout;
    private final Map<String, String> overrides;
    private final String superUser;     // null = the plain default: no SASL, no authorizer
    private final String superPassword;

    private KafkaRaftServer server; // guarded by this
    private String clusterId;       // guarded by this

    private EmbeddedKafkaBroker(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.nodeId = b.nodeId;
        this.startupTimeout = b.startupTimeout;
        this.overrides = Map.copyOf(b.overrides);
        this.superUser = b.superUser;
        this.superPassword = b.superPassword;
        // Resolve port 0 once, here, and never again: a restart must come back on the same port so
        // that running clients reconnect, and bootstrapServers() is usable before start(). The ports come
        // from FreePorts, below the ephemeral range and reserved for this JVM: a port from the ephemeral
        // range (new ServerSocket(0)) could be taken by any outgoing connection before the broker binds it.
        try {
            this.clientPort = b.clientPort == 0 ? FreePorts.free() : b.clientPort;
            this.controllerPort = b.controllerPort == 0 ? FreePorts.free() : b.controllerPort;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
        if (clientPort == controllerPort) {
            throw new IllegalArgumentException("client and controller port must differ: " + clientPort);
        }
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Formats the data directory if needed, starts the broker and blocks until it accepts client
     * connections. No-op when already running.
     */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        installExitGuard();
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            clusterId = formatIfNeeded();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka data directory " + dataDir, e);
        }

        // doLog=false: skip KafkaConfig's ~300-line "KafkaConfig values" INFO dump.
        KafkaConfig config = new KafkaConfig(brokerProperties(), false);
        KafkaRaftServer s;
        try {
            // Reads meta.properties/bootstrap.checkpoint; fails e.g. on a node.id mismatch.
            s = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Could not create Kafka server for " + dataDir, e);
        }
        try {
            // Blocks until the controller elected itself, the broker caught up with the metadata log,
            // got unfenced and its acceptors are listening (see BrokerServer.startup), so the broker
            // accepts clients when this returns. Bounded by server.max.startup.time.ms.
            s.startup();
        } catch (Throwable t) {
            // BrokerServer cleans up after itself on failure, but the controller half may already be
            // running and holding the controller port and the data-dir lock.
            shutdownQuietly(s);
            throw new IllegalStateException("Kafka broker failed to start on " + bootstrapServers(), t);
        }
        server = s;
        log.info("Embedded Kafka broker started on {} (cluster {}, data {}) in {} ms",
                bootstrapServers(), clusterId, dataDir, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Shuts the broker down cleanly and waits until it has; releases ports and file locks. No-op when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long t0 = System.nanoTime();
        KafkaRaftServer s = server;
        server = null;
        // shutdown() does a controlled shutdown of the broker half first (the controller is still up
        // to acknowledge it), then stops the controller; awaitShutdown() waits for both latches.
        s.shutdown();
        s.awaitShutdown();
        log.info("Embedded Kafka broker on {} stopped in {} ms",
                bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** e.g. {@code localhost:12345}; valid before the first start and stable across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + clientPort;
    }

    public int clientPort() {
        return clientPort;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id stored in meta.properties; null until the first {@link #start()}. */
    public synchronized String clusterId() {
        return clusterId;
    }

    // ------------------------------------------------------------------------------------------------

    /** Whether clients must authenticate (SASL/SCRAM-SHA-512) and ACLs decide what they may do. */
    public boolean isSecured() {
        return superUser != null;
    }

    private Map<String, Object> brokerProperties() {
        String dir = dataDir.toString();
        String client = isSecured() ? SCRAM_LISTENER : CLIENT_LISTENER;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId));
        // Static quorum (kraft.version 0): the voter set lives in config, not in the log, so
        // the controller port is not baked into the data dir and could change between runs.
        p.put("controller.quorum.voters", nodeId + "@" + HOST + ":" + controllerPort);
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("listeners", client + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", client + "://" + HOST + ":" + clientPort);
        if (isSecured()) {
            p.putAll(securedProperties());
        } else {
            p.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        }
        p.put("inter.broker.listener.name", client);
        // One directory for both the partition logs and the __cluster_metadata log.
        p.put("log.dirs", dir);
        p.put("metadata.log.dir", dir);

        // Single node: internal topics must not ask for more replicas than there are brokers.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // Defaults are 50 partitions each: 50 directories and a slower first group join / first
        // transaction for no benefit on one node. Only used when the topic is first created.
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "3");
        // Topics must be created explicitly (AdminClient / NewTopic beans). Internal topics
        // (__consumer_offsets, __transaction_state) are still created on demand.
        p.put("auto.create.topics.enable", "false");
        // Default is Long.MAX_VALUE: a broker that cannot finish starting would hang start() forever.
        p.put("server.max.startup.time.ms", String.valueOf(startupTimeout.toMillis()));
        // The log cleaner allocates its dedupe map eagerly ON HEAP: 128 MB by default, which was ~80%
        // of the broker's heap footprint. 8 MB still compacts ~300k distinct keys per pass, plenty
        // for __consumer_offsets and compacted topics here. (Kafka requires > 1 MB per cleaner thread.)
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        // One node on a small machine, inside a JVM with a fixed heap shared with other engines: the defaults (3 network,
        // 8 I/O, 10 background threads) are sized for a dedicated broker, and each network thread holds its own buffers.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");

        p.putAll(overrides);
        return p;
    }

    /**
     * The settings of deploy/compose/kafka/broker.sh for one node: clients and the broker itself authenticate
     * with SCRAM-SHA-512 on the client listener; the controller listener uses PLAIN with a static credential
     * (KRaft controllers cannot use SCRAM: they authenticate before any SCRAM credential is loaded); the
     * StandardAuthorizer refuses everything no ACL allows; only the super user passes every ACL.
     */
    /** The services' mechanism (platform KafkaAccess.MECHANISM; this module does not depend on the platform, KafkaAclsIT proves they fit). */
    private static final String SCRAM = "SCRAM-SHA-512";

    private Map<String, Object> securedProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        String scram = "listener.name." + SCRAM_LISTENER.toLowerCase(Locale.ROOT) + ".";
        String controller = "listener.name." + CONTROLLER_LISTENER.toLowerCase(Locale.ROOT) + ".";
        p.put("listener.security.protocol.map", SCRAM_LISTENER + ":SASL_PLAINTEXT," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        p.put(scram + "sasl.enabled.mechanisms", SCRAM);
        p.put(scram + "scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + superUser
                + "\" password=\"" + superPassword + "\";");
        p.put("sasl.mechanism.inter.broker.protocol", SCRAM);
        p.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        p.put(controller + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + superUser + "\" password=\"" + superPassword + "\" user_" + superUser + "=\"" + superPassword + "\";");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + superUser);
        return p;
    }

    /**
     * Equivalent of {@code kafka-storage.sh format --cluster-id <random> --config ...}, but via the
     * Formatter API that StorageTool itself uses, so nothing can call System.exit. Skipped when
     * meta.properties exists: the existing data (and cluster id) are reused.
     */
    private String formatIfNeeded() throws Exception {
        Path metaProperties = dataDir.resolve(META_PROPERTIES);
        if (!Files.exists(metaProperties)) {
            String dir = dataDir.toString();
            Formatter formatter = new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream())) // "Formatting ..." goes to stdout otherwise
                    .setNodeId(nodeId)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(dir)
                    .addDirectory(dir)
                    // static quorum, see controller.quorum.voters; must match or startup fails
                    .setHasDynamicQuorum(false);
                    // release version: default = latest production MetadataVersion of this Kafka
            if (isSecured()) {
                // kafka-storage format --add-scram: the super user's credential exists before the broker
                // authenticates to itself with it (KIP-900); services' credentials are added through the admin API
                formatter.setScramArguments(List.of(SCRAM + "=[name=" + superUser + ",password=" + superPassword + "]"));
            }
            formatter.run();
            log.info("Formatted Kafka data directory {}", dataDir);
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(metaProperties)) {
            props.load(in);
        }
        return props.getProperty("cluster.id");
    }

    private static void shutdownQuietly(KafkaRaftServer s) {
        try {
            s.shutdown();
            s.awaitShutdown();
        } catch (Throwable t) {
            log.warn("Error while cleaning up after failed Kafka startup", t);
        }
    }

    /**
     * The broker calls org.apache.kafka.common.utils.Exit.halt/exit (= Runtime.halt / System.exit) on
     * fatal faults, e.g. when its data directory becomes unusable (deleted temp dir!) or a metadata
     * fault occurs. Embedded, that would kill the whole application/test JVM without a trace. Replace
     * both procedures, JVM-wide and once, with ones that log and throw, which only kills the failing
     * Kafka thread. This is what Kafka's own test harness does.
     */
    private static void installExitGuard() {
        if (EXIT_GUARD_INSTALLED.compareAndSet(false, true)) {
            Exit.setExitProcedure((status, message) -> {
                throw fatal("exit", status, message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw fatal("halt", status, message);
            });
        }
    }

    private static IllegalStateException fatal(String kind, int status, String message) {
        IllegalStateException e = new IllegalStateException(
                "Embedded Kafka requested JVM " + kind + "(" + status + ")" + (message == null ? "" : ": " + message)
                        + "; suppressed, the broker is probably unusable now");
        log.error(e.getMessage(), e);
        return e;
    }

    public static final class Builder {
        private final Path dataDir;
        private int nodeId = 1;
        private int clientPort = 0;
        private int controllerPort = 0;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private String superUser;
        private String superPassword;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /** 0 (default) = pick a free port when the broker is built. */
        public Builder clientPort(int port) {
            this.clientPort = checkPort(port);
            return this;
        }

        /** 0 (default) = pick a free port when the broker is built. */
        public Builder controllerPort(int port) {
            this.controllerPort = checkPort(port);
            return this;
        }

        /** Must stay the same for a given data directory (it is written to meta.properties). */
        public Builder nodeId(int nodeId) {
            if (nodeId < 0) {
                throw new IllegalArgumentException("nodeId must be >= 0");
            }
            this.nodeId = nodeId;
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Runs the broker as compose and k8s do: SASL/SCRAM-SHA-512 on the client listener, ACLs enforced by the
         * StandardAuthorizer with nothing allowed without an ACL, and {@code superUser} (created when the data
         * directory is formatted) as the only super user, also used by the broker itself. Without this call the
         * broker is the plain default: PLAINTEXT, no authorizer. The super user's credential is created only when a
         * fresh data directory is formatted: a directory formatted by a plain broker has none.
         */
        public Builder secured(String superUser, String superPassword) {
            this.superUser = Objects.requireNonNull(superUser, "superUser");
            this.superPassword = Objects.requireNonNull(superPassword, "superPassword");
            return this;
        }

        /** Extra/overriding broker config, e.g. {@code brokerProperty("log.retention.ms", "-1")}. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("invalid port " + port);
            }
            return port;
        }
    }
}
