package nl.meldspoor.notifications.it;

import nl.meldspoor.engines.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.IntStream;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.notifications.NotificationServiceApplication;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.notifications.intake.EventIntake;
import nl.meldspoor.notifications.notification.MailDispatcher;
import nl.meldspoor.notifications.notification.MailStatus;
import nl.meldspoor.notifications.notification.Notification;
import nl.meldspoor.notifications.reminder.CaseWatch;
import nl.meldspoor.notifications.reminder.CaseWatches;
import nl.meldspoor.notifications.reminder.ReminderScheduler;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import nl.meldspoor.platform.testing.security.TestStaff;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import nl.meldspoor.platform.testing.MutableClock;

/**
 * The notification-service as it runs in production: two or more replicas in the one consumer group
 * {@code notification-service}, sharing the partitions of the event topics, one MongoDB and one SMTP server; here
 * application contexts in one JVM on one embedded KRaft broker, one mongo-java-server and GreenMail. A replica is
 * killed in the middle of a stream of events and every replica scans for due reminders and undelivered mail at the
 * same moment: every event is applied, every alert and reminder raised once and every mail sent once.
 *
 * <p>A killed pod commits nothing it had not committed already. The replica that is killed here therefore runs with
 * {@code ack-mode: manual} and never acknowledges: it commits no offset at all, the worst a kill can leave behind, so
 * every record it handled — alerts raised, cases applied — is delivered again to the survivor after the rebalance.
 */
class NotificationReplicasIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(MONDAY);
    private static final int PARTITIONS = 4;

    private static GreenMail smtp;
    private static MongoServer mongoServer;
    private static EmbeddedKafkaBroker broker;
    private static Replica first;
    private static final List<Replica> started = new ArrayList<>();

    @BeforeAll
    static void sharedEnginesAndTheFirstReplica() {
        smtp = new GreenMail(new ServerSetup(freePort(), "localhost", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        mongoServer = new MongoServer(new MemoryBackend());
        mongoServer.bind("localhost", 0);
        broker = EmbeddedKafkaBroker.builder(Path.of("target", "embedded-kafka-replicas-" + UUID.randomUUID())).build();
        broker.start();
        first = Replica.start(Map.of());
    }

    @AfterAll
    static void stopAll() {
        started.forEach(Replica::kill);
        if (broker != null) {
            broker.stop();
        }
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aReplicaKilledMidStreamLosesNoEventAndTheSurvivorRaisesAndSendsNothingTwice() {
        CLOCK.set(MONDAY);
        Replica doomed = Replica.start(Map.of("spring.kafka.listener.ack-mode", "manual"));
        Eventually.within(DEADLINE).until(() -> doomed.partitions() > 0
                && started.stream().filter(Replica::alive).mapToInt(Replica::partitions).sum() == 2 * PARTITIONS);

        // 12 pupils and cases before the kill: with about half the partitions the doomed replica raises alerts in all but
        // 1 in 4,096 runs, and every record it handled is delivered again to the survivor (it never commits). After the kill
        // 12 cases and 4 pupils: the survivor, then holding every partition, goes on with new records of both topics. Each
        // pupil costs six mails (~0.1 s each here), so no more pupils than that.
        List<PupilHistoryBuilder> pupils = IntStream.range(0, 16).mapToObj(i -> PupilHistoryBuilder.pupil("gezin-replica-" + i)
                .signal("school-a", MONDAY.minus(Duration.ofMinutes(30)), SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE)).toList();
        List<CaseHistoryBuilder> cases = IntStream.range(0, 24).mapToObj(i -> CaseHistoryBuilder.openedAt("school-a",
                MONDAY.minus(Duration.ofDays(3))).consultedColleague().talkedToParents(true)).toList();

        for (int i = 0; i < 12; i++) {
            publish(Topics.SIGNAL_EVENTS, "PupilFile", pupils.get(i).published());
            publish(Topics.CASE_EVENTS, "MeldcodeCase", cases.get(i).published());
        }
        Eventually.within(DEADLINE).until(() -> doomed.raised() > 0);
        doomed.kill();
        for (int i = 12; i < 24; i++) {
            if (i < pupils.size()) {
                publish(Topics.SIGNAL_EVENTS, "PupilFile", pupils.get(i).published());
            }
            publish(Topics.CASE_EVENTS, "MeldcodeCase", cases.get(i).published());
        }

        MongoTemplate mongo = first.bean(MongoTemplate.class);
        for (CaseHistoryBuilder history : cases) {
            CaseWatch watch = Eventually.within(DEADLINE).until(() -> mongo.findById(history.caseId(), CaseWatch.class),
                    found -> found != null && found.appliedSequence() == history.events().size() - 1);
            assertThat(watch.eventsFolded()).as("every event of the case once, in order").isEqualTo(3L);
            assertThat(watch.appliedSequence()).isEqualTo(2L);
        }
        for (PupilHistoryBuilder pupil : pupils) {
            List<Notification> alerts = Eventually.within(DEADLINE).until(() -> notificationsAbout(mongo, pupil.pupilRef()),
                    found -> found.size() >= 6);
            assertThat(alerts).extracting(Notification::type).containsOnly(NotificationType.URGENT_SIGNAL);
            assertThat(alerts).extracting(Notification::recipientId).as("the school's care team, principals and advising AF, each once")
                    .containsExactlyInAnyOrder("ib-a", "af-a", "af-b", "dir-a", "ib-anna", "dir-carla");
        }
        assertThat(doomed.raisedBeforeDeath).as("the killed replica had raised alerts the survivor was given again").isPositive();

        deliverAllMail(List.of(first));
        for (PupilHistoryBuilder pupil : pupils) {
            for (Notification alert : notificationsAbout(mongo, pupil.pupilRef())) {
                assertThat(mongo.findById(alert.id(), Notification.class).mail().status()).isEqualTo(MailStatus.SENT);
                assertThat(mailsOf(alert)).as("mail of %s to %s", pupil.pupilRef(), alert.recipientId()).hasSize(1);
            }
        }
    }

    @Test
    void twoReplicasScanningTheSameDueRemindersAtOnceGiveAndMailEachOnce() throws Exception {
        Replica second = Replica.start(Map.of());
        assertThat(second.readiness()).as("ready: started and its staff directory read").isEqualTo(200);
        CLOCK.set(Instant.parse("2026-10-26T09:00:00Z"));
        List<CaseHistoryBuilder> cases = IntStream.range(0, 20)
                .mapToObj(i -> CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-10-26T09:00:00Z"))).toList();
        cases.forEach(history -> publish(Topics.CASE_EVENTS, "MeldcodeCase", history.published()));
        MongoTemplate mongo = first.bean(MongoTemplate.class);
        for (CaseHistoryBuilder history : cases) {
            Eventually.within(DEADLINE).until(() -> mongo.findById(history.caseId(), CaseWatch.class),
                    watch -> watch != null && watch.eventsFolded() == 1);
        }

        CLOCK.set(Instant.parse("2026-11-23T07:30:00Z"));
        both(first, second, replica -> {
            replica.bean(ReminderScheduler.class).giveDueReminders();
            return null;
        });
        deliverAllMail(List.of(first, second));

        for (CaseHistoryBuilder history : cases) {
            List<Notification> reminders = notificationsAbout(mongo, history.caseId());
            assertThat(reminders).extracting(notification -> notification.type() + "→" + notification.recipientId())
                    .containsExactlyInAnyOrder("CASE_INACTIVE_REMINDER→ib-anna", "CASE_INACTIVE_ESCALATION→dir-carla");
            for (Notification reminder : reminders) {
                assertThat(mailsOf(reminder)).as("mail of %s to %s", history.caseId(), reminder.recipientId()).hasSize(1);
            }
            CaseWatch watch = mongo.findById(history.caseId(), CaseWatch.class);
            assertThat(watch.given()).hasSize(2);
            assertThat(watch.scanClaimedUntil()).as("released by the scan that gave them").isNull();
        }
    }

    @Test
    void aCaseClaimedByAReplicaThatDiedIsRemindedByAnotherOnceTheClaimLapses() {
        CLOCK.set(Instant.parse("2026-10-26T09:00:00Z"));
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-10-26T09:00:00Z"));
        publish(Topics.CASE_EVENTS, "MeldcodeCase", history.published());
        MongoTemplate mongo = first.bean(MongoTemplate.class);
        Eventually.within(DEADLINE).until(() -> mongo.findById(history.caseId(), CaseWatch.class), watch -> watch != null);

        Instant due = Instant.parse("2026-11-23T07:30:00Z");
        CLOCK.set(due);
        // A replica claims the due case and dies before it raised anything: its claim is all that is left of it.
        CaseWatches watches = first.bean(CaseWatches.class);
        assertThat(watches.dueAndFree(due, 1_000)).contains(history.caseId());
        assertThat(watches.claim(history.caseId(), due, due.plus(Duration.ofMinutes(2)))).isPresent();
        assertThat(watches.dueAndFree(due, 1_000)).as("claimed, so no longer free").doesNotContain(history.caseId());
        assertThat(watches.claim(history.caseId(), due, due.plus(Duration.ofMinutes(2)))).as("a second claim").isEmpty();

        first.bean(ReminderScheduler.class).giveDueReminders();
        assertThat(notificationsAbout(mongo, history.caseId())).as("held by the dead replica's claim").isEmpty();

        CLOCK.advance(Duration.ofMinutes(2));
        first.bean(ReminderScheduler.class).giveDueReminders();
        assertThat(notificationsAbout(mongo, history.caseId())).extracting(Notification::recipientId)
                .containsExactlyInAnyOrder("ib-anna", "dir-carla");
    }

    private static void publish(String topic, String aggregateType, List<PublishedEvent> events) {
        @SuppressWarnings("unchecked")
        KafkaTemplate<Object, Object> kafka = first.bean(KafkaTemplate.class);
        for (PublishedEvent event : events) {
            kafka.send(cast(PublishedRecords.of(topic, aggregateType, event))).join();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerRecord<Object, Object> cast(Object record) {
        return (ProducerRecord) record;
    }

    private static List<Notification> notificationsAbout(MongoTemplate mongo, String reference) {
        return mongo.find(query(where("reference").regex(java.util.regex.Pattern.quote(reference))), Notification.class);
    }

    /** Every replica sends what is due at the same moment, until nothing is left; a mail's retry is not due yet. */
    private static void deliverAllMail(List<Replica> replicas) {
        MongoTemplate mongo = first.bean(MongoTemplate.class);
        for (int round = 0; round < 20; round++) {
            long due = mongo.count(query(where("mail.status").is(MailStatus.PENDING).and("mail.nextAttemptAt").lte(CLOCK.instant())),
                    Notification.class);
            if (due == 0) {
                return;
            }
            if (replicas.size() == 1) {
                replicas.get(0).bean(MailDispatcher.class).deliverDue();
            } else {
                both(replicas.get(0), replicas.get(1), replica -> {
                    replica.bean(MailDispatcher.class).deliverDue();
                    return null;
                });
            }
        }
        throw new AssertionError("mail still due after 20 rounds");
    }

    /** Runs the same work on two replicas, released at the same instant. */
    private static void both(Replica one, Replica other, Function<Replica, Void> work) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Void>> running = List.of(one, other).stream().map(replica -> CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            work.apply(replica);
        })).toList();
        running.forEach(CompletableFuture::join);
    }

    /** The messages GreenMail received with the notification's Message-ID. */
    private static List<MimeMessage> mailsOf(Notification notification) {
        String messageId = "<" + notification.id() + "@meldspoor>";
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return messageId.equals(message.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int freePort() {
        try {
            return FreePorts.free();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One replica: the service's own application, configured like a pod for the shared engines. */
    private static final class Replica {

        private final ConfigurableApplicationContext context;
        private double raisedBeforeDeath;

        private Replica(ConfigurableApplicationContext context) {
            this.context = context;
        }

        static Replica start(Map<String, Object> extra) {
            InetSocketAddress mongo = mongoServer.getLocalAddress();
            Map<String, Object> properties = new HashMap<>(Map.of(
                    "spring.kafka.bootstrap-servers", broker.bootstrapServers(),
                    "spring.data.mongodb.uri", "mongodb://localhost:" + mongo.getPort() + "/notifications",
                    "spring.mail.host", "localhost",
                    "spring.mail.port", smtp.getSmtp().getPort(),
                    "server.port", 0,
                    "meldspoor.notifications.scan-interval", "1h",
                    "meldspoor.notifications.partitions", PARTITIONS,
                    "meldspoor.organisation.people.ib-anna.email", "ib-anna@vlinder.example",
                    "meldspoor.organisation.people.dir-carla.email", "dir-carla@vlinder.example"));
            // as the k8s manifest configures it: no traffic before the staff directory is read
            properties.put("management.endpoint.health.group.readiness.include", "readinessState,staffDirectory");
            properties.put("management.endpoint.health.probes.enabled", true);
            properties.putAll(extra);
            ConfigurableApplicationContext context = new SpringApplicationBuilder(NotificationServiceApplication.class)
                    .initializers(application -> {
                        application.getBeanFactory().registerSingleton("replicaClock", CLOCK);
                        application.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded());
                    })
                    .run(arguments(properties));
            Replica replica = new Replica(context);
            started.add(replica);
            TestStaff staff = new TestStaff(replica.bean(StaffDirectory.class));
            staff.grant("ib-a", Role.CARE_COORDINATOR, "school-a", null)
                    .grant("af-a", Role.ADVISOR, "school-a", null)
                    .grant("af-b", Role.ADVISOR, "school-b", null)
                    .grant("dir-a", Role.PRINCIPAL, "school-a", null)
                    .grant("ib-anna", Role.CARE_COORDINATOR, "school-a", null)
                    .grant("dir-carla", Role.PRINCIPAL, "school-a", null);
            return replica;
        }

        int readiness() {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean alive() {
            return context.isActive();
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        int partitions() {
            var container = bean(KafkaListenerEndpointRegistry.class).getListenerContainer(EventIntake.NAME);
            return container == null || container.getAssignedPartitions() == null ? 0 : container.getAssignedPartitions().size();
        }

        double raised() {
            return bean(MeterRegistry.class).find("meldspoor.notifications.raised").counters().stream()
                    .mapToDouble(Counter::count).sum();
        }

        void kill() {
            if (context.isActive()) {
                raisedBeforeDeath = raised();
                context.close();
            }
        }
    }

    /**
     * The replicas scan the service's packages like production does; the test's own classes (other ITs' clocks and
     * configurations) stay out, as {@code @SpringBootTest} keeps them out of its context.
     */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }

    /** As command-line arguments: they win over the service's application.yml, as a pod's environment does. */
    private static String[] arguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue()).toArray(String[]::new);
    }
}
