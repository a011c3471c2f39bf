package nl.meldspoor.platform.kafka;

import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.DeadLetters;
import com.fasterxml.jackson.databind.ObjectMapper;
import kafka.admin.AclCommand;
import kafka.admin.ConfigCommand;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import nl.meldspoor.platform.security.KafkaStaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The embedded KRaft broker run as compose and k8s run Kafka — SASL/SCRAM-SHA-512, the StandardAuthorizer,
 * nothing allowed without an ACL, the ACLs of {@link KafkaAccess} — and clients configured as the services
 * are, through Spring Boot's {@code spring.kafka.properties.*} bound from the environment variables the
 * deployments set. Kafka is a source of authority (the staff directory grants roles, signal events escalate
 * to cases, the access log is evidence), so a stranger must not be able to write to it.
 */
class KafkaAclsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = secret();
    private static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    @TempDir
    static Path dataDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void brokerWithTheAclsOfTheOneDefinition() throws Exception {
        broker = EmbeddedKafkaBroker.builder(dataDir).secured(ADMIN, ADMIN_PASSWORD).build();
        broker.start();
        KafkaAccess.SERVICES.forEach(service -> PASSWORDS.put(service.name(), secret()));
        runTheDeploymentScript(KafkaAccess.script());
        try (Admin admin = Admin.create(adminConfig())) {
            // what compose and k8s apply is exactly the one definition, as the broker stores it
            assertThat(admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS))
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.bindings());
        }
        // each topic created by a service that declares it, as the services do at start-up
        create("case-service", Topics.CASE_EVENTS, Topics.STAFF, Topics.ACCESS_LOG, DeadLetters.topicOf(Topics.SIGNAL_EVENTS));
        create("signal-service", Topics.SIGNAL_EVENTS);
        create("reporting-service", DeadLetters.topicOf(Topics.CASE_EVENTS), DeadLetters.topicOf(Topics.ACCESS_LOG));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void theReportingServiceCannotGrantItselfARoleInTheStaffDirectory() {
        assertThatThrownBy(() -> send("reporting-service", Topics.STAFF, "StaffRoleGranted: reporting-service is board-wide auditor"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theSignalServiceCannotGrantRolesEither() {
        assertThatThrownBy(() -> send("signal-service", Topics.STAFF, "StaffRoleGranted"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithAnUnknownUserIsNotLetIn() {
        assertThatThrownBy(() -> send(clientConfig("stranger", secret()), Topics.STAFF, "StaffRoleGranted"))
                .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(SaslAuthenticationException.class));
    }

    @Test
    void aClientWithAServicesNameButTheWrongPasswordIsNotLetIn() {
        assertThatThrownBy(() -> send(clientConfig("case-service", secret()), Topics.STAFF, "StaffRoleGranted"))
                .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(SaslAuthenticationException.class));
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswerAtAll() {
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        // a PLAINTEXT client on the SASL listener never gets metadata: its send blocks until max.block.ms (a second here)
        plaintext.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        assertThatThrownBy(() -> send(plaintext, Topics.STAFF, "StaffRoleGranted"))
                .satisfies(failure -> assertThat(causes(failure)).hasAtLeastOneElementOfType(TimeoutException.class));
    }

    @Test
    void theCaseServiceCannotForgeAnEscalationOnTheSignalEvents() {
        assertThatThrownBy(() -> send("case-service", Topics.SIGNAL_EVENTS, "PupilFileEscalated"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theReportingServiceCannotForgeCaseEvents() {
        assertThatThrownBy(() -> send("reporting-service", Topics.CASE_EVENTS, "CaseClosed"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theNotificationServiceWhichHandsOutNoRecordsCannotWriteTheAccessLog() {
        assertThatThrownBy(() -> send("notification-service", Topics.ACCESS_LOG, "RecordViewed"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theSignalServiceCannotReadTheAccessLogItOnlyWrites() {
        assertThatThrownBy(() -> readAll("signal-service", Topics.ACCESS_LOG))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theSignalServiceCannotForgeCaseEventsItOnlyReads() {
        assertThatThrownBy(() -> send("signal-service", Topics.CASE_EVENTS, "CaseClosed"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theNotificationServiceCannotReadTheAccessLog() {
        assertThatThrownBy(() -> readAll("notification-service", Topics.ACCESS_LOG))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotJoinAnotherServicesConsumerGroup() {
        assertThatThrownBy(() -> readInGroup("reporting-service", "notification-service", Topics.CASE_EVENTS))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void theCaseServiceGrantsRolesAndEveryServiceReadsTheStaffDirectory() throws Exception {
        String grant = "StaffRoleGranted " + secret();
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> send("case-service", Topics.STAFF, grant));
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readAll(service.name(), Topics.STAFF)).contains(grant));
        }
    }

    @Test
    void theSignalServiceEscalatesAndTheCaseServicesIntakeReadsItInItsGroup() throws Exception {
        String escalation = "PupilFileEscalated " + secret();
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> send("signal-service", Topics.SIGNAL_EVENTS, escalation));
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readInGroup("case-service", "case-service.signal-intake", Topics.SIGNAL_EVENTS)).contains(escalation));
    }

    @Test
    void theCaseServicePublishesAndTheReadModelsReadInTheirGroups() throws Exception {
        String event = "CaseOpened " + secret();
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> send("case-service", Topics.CASE_EVENTS, event));
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readInGroup("reporting-service", "reporting.dossier", Topics.CASE_EVENTS)).contains(event));
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readInGroup("notification-service", "notification-service", Topics.CASE_EVENTS)).contains(event));
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readInGroup("signal-service", "signal-service.case-holds", Topics.CASE_EVENTS)).contains(event));
    }

    @Test
    void everyServiceLoadsTheStaffDirectoryAsItsOwnPrincipal() {
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            Map<String, Object> consumer = withBootstrap(configOf(service.name()));
            consumer.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value.") || key.equals("acks"));
            consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            KafkaStaffDirectory directory = new KafkaStaffDirectory(consumer, withBootstrap(configOf(service.name())), new ObjectMapper(),
                    ConsumedTopics.keptForever(Topics.STAFF, 1, (short) 1));
            directory.start();
            try {
                Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(directory.isLoaded()).as(service.name()).isTrue());
            } finally {
                directory.stop();
            }
        }
    }

    @Test
    void theReportingServiceMeasuresTheLagOfItsReadModels() throws Exception {
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(readInGroup("reporting-service", "reporting.rapportage", Topics.CASE_EVENTS)).isNotNull());
        try (Admin reporting = Admin.create(withBootstrap(configOf("reporting-service")))) {
            assertThat(reporting.describeTopics(List.of(Topics.CASE_EVENTS, Topics.SIGNAL_EVENTS, Topics.ACCESS_LOG))
                    .allTopicNames().get(10, TimeUnit.SECONDS)).hasSize(3);
            assertThat(reporting.listOffsets(Map.of(new TopicPartition(Topics.CASE_EVENTS, 0), OffsetSpec.latest()))
                    .all().get(10, TimeUnit.SECONDS)).hasSize(1);
            assertThat(reporting.listConsumerGroupOffsets("reporting.rapportage").partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)).containsKey(new TopicPartition(Topics.CASE_EVENTS, 0));
        }
    }

    @Test
    void aConsumerParksAnUnreadableRecordInTheDeadLetterTopicOfWhatItConsumes() throws Exception {
        String parked = "unreadable " + secret();
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() ->
                send("reporting-service", DeadLetters.topicOf(Topics.CASE_EVENTS), parked));
        assertThatThrownBy(() -> send("case-service", DeadLetters.topicOf(Topics.CASE_EVENTS), "forged dead letter"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    // ------------------------------------------------------------------------------------------------

    /**
     * Runs the commands of apply-kafka-acls.sh — {@code scram_user} and {@code allow} — with the Kafka tools the
     * script calls ({@code kafka-configs.sh} = ConfigCommand, {@code kafka-acls.sh} = AclCommand), in-process, as
     * the admin. A command the tools reject fails here (the embedded broker turns their exit into an exception).
     */
    private static void runTheDeploymentScript(String script) throws Exception {
        Path adminConfig = dataDir.resolveSibling(dataDir.getFileName() + "-admin.properties");
        Properties admin = new Properties();
        KafkaAccess.clientProperties(ADMIN, ADMIN_PASSWORD, "SASL_PLAINTEXT").forEach((key, value) -> admin.setProperty(key, (String) value));
        try (var out = Files.newOutputStream(adminConfig)) {
            admin.store(out, null);
        }
        List<String> connection = List.of("--bootstrap-server", broker.bootstrapServers(), "--command-config", adminConfig.toString());
        int commands = 0;
        for (String line : script.lines().toList()) {
            List<String> words = List.of(line.split(" "));
            if (words.get(0).equals("scram_user")) {
                List<String> args = new ArrayList<>(connection);
                args.addAll(List.of("--alter", "--entity-type", "users", "--entity-name", words.get(1),
                        "--add-config", "SCRAM-SHA-512=[iterations=8192,password=" + PASSWORDS.get(words.get(1)) + "]"));
                ConfigCommand.main(args.toArray(String[]::new));
                commands++;
            } else if (words.get(0).equals("allow")) {
                List<String> args = new ArrayList<>(connection);
                args.addAll(List.of("--add", "--allow-principal", "User:" + words.get(1)));
                args.addAll(words.subList(2, words.size()));
                AclCommand.main(args.toArray(String[]::new));
                commands++;
            }
        }
        assertThat(commands).isGreaterThan(KafkaAccess.SERVICES.size() * 2);
    }

    private static void create(String service, String... topics) {
        Eventually.within(Duration.ofSeconds(30)).untilAsserted(() -> {
            try (Admin admin = Admin.create(withBootstrap(configOf(service)))) {
                for (String topic : topics) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
        });
    }

    /**
     * The client settings a service gets from the environment the deployments set, bound by Spring Boot
     * into {@code spring.kafka.properties.*} as in the services: the variable names are proven here too.
     */
    private static Map<String, Object> configOf(String service) {
        Map<String, Object> environment = Map.of(
                "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"" + service + "\" password=\"" + PASSWORDS.get(service) + "\";");
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        KafkaProperties properties = new Binder(ConfigurationPropertySources.from(sources))
                .bind("spring.kafka", KafkaProperties.class).get();
        return new HashMap<>(properties.buildProducerProperties(null));
    }

    private static Map<String, Object> clientConfig(String user, String password) {
        return withBootstrap(new HashMap<>(KafkaAccess.clientProperties(user, password, "SASL_PLAINTEXT")));
    }

    private static Map<String, Object> adminConfig() {
        return clientConfig(ADMIN, ADMIN_PASSWORD);
    }

    private static Map<String, Object> withBootstrap(Map<String, Object> config) {
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        return config;
    }

    private static void send(String service, String topic, String value) throws Exception {
        send(withBootstrap(configOf(service)), topic, value);
    }

    /** Sent as the platform's publishers send: acks=all, idempotent. */
    private static void send(Map<String, Object> client, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key", value)).get(10, TimeUnit.SECONDS);
        }
    }

    /** Read from offset 0 without a group, as the staff directory and the dead-letter replays read. */
    private static List<String> readAll(String service, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(service, null)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return values(consumer);
        }
    }

    /** Read in a consumer group, committing the position, as the listeners do. */
    private static List<String> readInGroup(String service, String group, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(service, group)) {
            consumer.subscribe(List.of(topic));
            List<String> values = values(consumer);
            consumer.commitSync();
            return values;
        }
    }

    private static KafkaConsumer<String, String> consumer(String service, String group) {
        Map<String, Object> config = withBootstrap(configOf(service));
        config.keySet().removeIf(key -> key.startsWith("key.") || key.startsWith("value.") || key.equals("acks"));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** Everything up to the end of the assigned partitions as they were when assigned, in at most ten polls. */
    private static List<String> values(KafkaConsumer<String, String> consumer) {
        List<String> values = new ArrayList<>();
        Map<TopicPartition, Long> ends = Map.of();
        for (int polls = 0; polls < 10; polls++) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                values.add(record.value());
            }
            if (ends.isEmpty() && !consumer.assignment().isEmpty()) {
                ends = consumer.endOffsets(consumer.assignment());
            }
            if (!ends.isEmpty() && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue())) {
                break;
            }
        }
        return values;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !causes.contains(cause); cause = cause.getCause()) {
            causes.add(cause);
        }
        return causes;
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
