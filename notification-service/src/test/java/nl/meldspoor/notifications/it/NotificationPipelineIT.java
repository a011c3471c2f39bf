package nl.meldspoor.notifications.it;

import nl.meldspoor.engines.FreePorts;

import nl.meldspoor.platform.testing.security.TestIssuer;
import nl.meldspoor.platform.testing.security.TestStaff;
import nl.meldspoor.platform.testing.HttpApi;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.api.common.Role;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.notifications.intake.EventIntake;
import nl.meldspoor.notifications.notification.MailDispatcher;
import nl.meldspoor.notifications.reminder.CaseWatch;
import nl.meldspoor.notifications.reminder.ReminderScheduler;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import nl.meldspoor.platform.testing.PublishedRecords;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.platform.testing.history.IncidentHistoryBuilder;
import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import nl.meldspoor.platform.testing.MutableClock;

/**
 * Every alert rule from the event on Kafka to the inbox and to an SMTP server (GreenMail), on the embedded
 * engines. Time is the test's: the scheduled scans are switched off and called directly after setting the clock.
 * Who holds which role is granted the way the board's administrator does it: {@code StaffRoleGranted} and
 * {@code StaffRoleRevoked} on the staff topic, read by the service's staff directory; the configuration only gives
 * people's addresses.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "meldspoor.embedded.mongo.in-memory=true",
        "meldspoor.embedded.kafka.data-directory=target/embedded-kafka-${random.uuid}",
        "meldspoor.notifications.scan-interval=1h",
        "meldspoor.organisation.people.ib-anna.email=ib-anna@vlinder.example",
        "meldspoor.organisation.people.dir-carla.email=dir-carla@vlinder.example",
        "meldspoor.organisation.people.ib-wissel.email=ib-wissel@vlinder.example",
        "meldspoor.organisation.people.ib-kort.email=ib-kort@vlinder.example"})
class NotificationPipelineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final MutableClock CLOCK = new MutableClock(MONDAY);
    private static final int SMTP_PORT = freePort();
    /** On a fixed port, so that it comes back where the service looks for it after an outage. */
    private static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));

    static {
        SMTP.start();
    }

    private static int freePort() {
        try {
            return FreePorts.free();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    private KafkaTemplate<Object, Object> kafka;
    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private StaffDirectory directory;
    @Autowired
    private ReminderScheduler reminders;
    @Autowired
    private MailDispatcher mail;
    @Autowired
    private KafkaListenerEndpointRegistry listeners;
    @Autowired
    private EmbeddedKafkaBroker broker;
    @Autowired
    private MeterRegistry meters;

    /**
     * The demo roles for every test: the IB'er, AF and principal of school-a, school-b's AF (who advises school-a), the
     * board's officer, and the case team of the case histories (ib-anna, dir-carla) at school-a.
     */
    @BeforeEach
    void staffOfTheBoard() {
        if (!staffGranted) {
            grant("ib-a", Role.CARE_COORDINATOR, "school-a");
            grant("af-a", Role.ADVISOR, "school-a");
            grant("af-b", Role.ADVISOR, "school-b");
            grant("dir-a", Role.PRINCIPAL, "school-a");
            grant("bo-bestuur", Role.BOARD_OFFICER, StaffScope.BOARD);
            grant("ib-anna", Role.CARE_COORDINATOR, "school-a");
            grant("dir-carla", Role.PRINCIPAL, "school-a");
            staffGranted = true;
        }
    }

    private static boolean staffGranted;

    /** As the case-service publishes the administrator's grant, and waits until the service's directory has read it. */
    private void grant(String person, Role role, String scope) {
        publishStaff(new StaffRoleGranted(person, role, scope, null, "beheer-bestuur", CLOCK.instant()));
        Eventually.within(DEADLINE).until(() -> directory.holders(role, scope).contains(person));
    }

    private void revoke(String person, Role role, String scope) {
        publishStaff(new StaffRoleRevoked(person, role, scope, "beheer-bestuur", CLOCK.instant()));
        Eventually.within(DEADLINE).until(() -> !directory.holders(role, scope).contains(person));
    }

    private void publishStaff(StaffEvent event) {
        try {
            RecordHeaders headers = new RecordHeaders();
            PublishedRecords.add(headers, EventHeaders.EVENT_ID, UUID.randomUUID().toString());
            PublishedRecords.add(headers, EventHeaders.EVENT_TYPE, event.getClass().getName());
            PublishedRecords.add(headers, EventHeaders.AGGREGATE_ID, event.personId());
            PublishedRecords.add(headers, EventHeaders.AGGREGATE_TYPE, "StaffMember");
            kafka.send(cast(new ProducerRecord<>(Topics.STAFF, null, event.personId(), json.writeValueAsBytes(event), headers))).join();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(String topic, String aggregateType, List<PublishedEvent> events) {
        for (PublishedEvent event : events) {
            kafka.send(cast(PublishedRecords.of(topic, aggregateType, event))).join();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ProducerRecord<Object, Object> cast(Object record) {
        return (ProducerRecord) record;
    }

    private void publishSignals(PupilHistoryBuilder pupil) {
        publish(Topics.SIGNAL_EVENTS, "PupilFile", pupil.published());
    }

    private void publishCase(CaseHistoryBuilder history) {
        publish(Topics.CASE_EVENTS, "MeldcodeCase", history.published());
        int last = history.events().size() - 1;
        Eventually.within(DEADLINE).until(() -> mongo.findById(history.caseId(), CaseWatch.class),
                watch -> watch != null && watch.appliedSequence() == last && watch.eventsFolded() == last + 1);
    }

    /** Any valid role gives a person their own inbox; the role they act in does not matter there. */
    private HttpHeaders staffMember(String person) {
        new TestStaff(directory).grant(person, Role.TEACHER, "school-a", null);
        return HttpApi.bearer(TestIssuer.tokenFor(person));
    }

    private JsonNode get(String person, String path) {
        HttpHeaders headers = staffMember(person);
        ResponseEntity<String> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return read(response);
    }

    private ResponseEntity<String> post(String person, String path) {
        HttpHeaders headers = staffMember(person);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(headers), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            JsonNode body = json.readTree(response.getBody() == null ? "{}" : response.getBody());
            ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("httpStatus", response.getStatusCode().value());
            return body;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person's notifications about this reference. */
    private List<JsonNode> inbox(String person, String reference) {
        JsonNode page = get(person, "/api/inbox?size=100");
        return StreamSupport.stream(page.path("notifications").spliterator(), false)
                .filter(item -> item.path("reference").asText().contains(reference)).toList();
    }

    private List<JsonNode> awaitInbox(String person, String reference, int count) {
        return Eventually.within(DEADLINE).until(() -> inbox(person, reference), items -> items.size() >= count);
    }

    /** Mail received by GreenMail for this address whose text mentions the reference. */
    private static List<MimeMessage> mailTo(String address, String reference) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().equals(address))
                        && message.getContent().toString().contains(reference);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUrgentSignalReachesTheCareTeamAndThePrincipalAtOnceInTheInboxAndByMail() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-urgent").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        publishSignals(pupil);

        for (String person : List.of("ib-a", "af-b", "dir-a")) {
            assertThat(awaitInbox(person, pupil.pupilRef(), 1)).singleElement()
                    .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL"));
        }
        mail.deliverDue();
        List<MimeMessage> toPrincipal = mailTo("dir-a@vlinder.example", pupil.pupilRef());
        assertThat(toPrincipal).singleElement().satisfies(message -> assertThat(subject(message))
                .startsWith("[Meldspoor] Urgent signaal").contains("OBS De Vlinder").doesNotContain(pupil.pupilRef()));
        assertThat(mailTo("ib-a@vlinder.example", pupil.pupilRef())).hasSize(1);
        assertThat(inbox("ib-a", pupil.pupilRef()).get(0).path("mail").path("status").asText()).isEqualTo("SENT");
    }

    @Test
    void aHomeSituationSignalGoesToTheIbAndTheAfButNotThePrincipal() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-thuis").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION)
                .signal("school-a", MONDAY.plusSeconds(60), SignalCategory.BULLYING);
        publishSignals(pupil);

        assertThat(awaitInbox("ib-a", pupil.pupilRef(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("HOME_SITUATION_SIGNAL"));
        assertThat(awaitInbox("af-b", pupil.pupilRef(), 1)).hasSize(1);
        assertThat(inbox("dir-a", pupil.pupilRef())).isEmpty();
        mail.deliverDue();
        assertThat(mailTo("ib-a@vlinder.example", pupil.pupilRef())).singleElement()
                .satisfies(message -> assertThat(subject(message)).contains("thuissituatie"));
    }

    @Test
    void duplicatedAndReplayedEventsNotifyNobodyTwice() throws Exception {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-dubbel").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        publishSignals(pupil);
        publishSignals(pupil);
        awaitInbox("ib-a", pupil.pupilRef(), 1);
        mail.deliverDue();

        replayFromOffsetZero();
        PupilHistoryBuilder marker = PupilHistoryBuilder.pupil("gezin-marker").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(marker);
        awaitInbox("ib-a", marker.pupilRef(), 1);
        mail.deliverDue();

        assertThat(inbox("ib-a", pupil.pupilRef())).hasSize(1);
        assertThat(inbox("dir-a", pupil.pupilRef())).hasSize(1);
        assertThat(mailTo("ib-a@vlinder.example", pupil.pupilRef())).hasSize(1);
        assertThat(mailTo("dir-a@vlinder.example", pupil.pupilRef())).hasSize(1);
    }

    /** Stops the intake, moves its consumer group back to the beginning of every partition, starts it again. */
    private void replayFromOffsetZero() throws Exception {
        MessageListenerContainer intake = listeners.getListenerContainer(EventIntake.NAME);
        intake.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (String topic : List.of(Topics.CASE_EVENTS, Topics.SIGNAL_EVENTS)) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(partition -> start.put(new TopicPartition(topic, partition.partition()), new OffsetAndMetadata(0)));
            }
            Eventually.within(DEADLINE).until(() -> {
                try {
                    admin.alterConsumerGroupOffsets("notification-service", start).all().get();
                    return true;
                } catch (Exception groupStillActive) {
                    return false;
                }
            }, done -> done);
        }
        intake.start();
    }

    /**
     * The intake takes a poll at once; a record in it that can never be read is found, parked in the dead-letter topic
     * under the intake's name, and the records before and after it in the same poll are handled.
     */
    @Test
    void aRecordThatCanNeverBeReadIsParkedAndTheRecordsAroundItInItsPollAreHandled() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder before = PupilHistoryBuilder.pupil("gezin-voor").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        PupilHistoryBuilder after = PupilHistoryBuilder.pupil("gezin-na").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        String unreadable = "gezin-onleesbaar-" + UUID.randomUUID();
        ProducerRecord<String, byte[]> withItsHeaders = PublishedRecords.of(Topics.SIGNAL_EVENTS, "PupilFile",
                PupilHistoryBuilder.pupil(unreadable).signal("school-a", MONDAY, SignalCategory.HOME_SITUATION).published().get(0));
        // stopped while the three are published, so that they come in one poll
        MessageListenerContainer intake = listeners.getListenerContainer(EventIntake.NAME);
        intake.stop();
        try {
            publishSignals(before);
            kafka.send(cast(new ProducerRecord<>(Topics.SIGNAL_EVENTS, null, unreadable, "{\"niet\": ".getBytes(StandardCharsets.UTF_8),
                    withItsHeaders.headers()))).join();
            publishSignals(after);
        } finally {
            intake.start();
        }

        assertThat(awaitInbox("dir-a", before.pupilRef(), 1)).singleElement().satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL"));
        assertThat(awaitInbox("dir-a", after.pupilRef(), 1)).singleElement().satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL"));
        try (KafkaConsumer<String, byte[]> deadLetters = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            deadLetters.subscribe(List.of(DeadLetters.topicOf(Topics.SIGNAL_EVENTS)));
            List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
            ConsumerRecord<String, byte[]> parked = Eventually.within(DEADLINE).until(() -> {
                deadLetters.poll(Duration.ofMillis(500)).forEach(received::add);
                return received.stream().filter(record -> unreadable.equals(record.key())).findFirst().orElse(null);
            }, record -> record != null);
            assertThat(new String(parked.headers().lastHeader(DeadLetters.CONSUMER_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo(EventIntake.NAME);
        }
    }

    @Test
    void anAlertForAnOldEventIsRaisedOnceAndMarkedAsLate() throws Exception {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder old = PupilHistoryBuilder.pupil("gezin-oud")
                .signal("school-a", MONDAY.minus(Duration.ofDays(30)), SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE)
                .signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        IncidentHistoryBuilder oldMeldplicht = IncidentHistoryBuilder.meldplicht("school-a", MONDAY.minus(Duration.ofDays(9)));
        publishSignals(old);
        publish(Topics.SIGNAL_EVENTS, "Incident", oldMeldplicht.published());

        List<JsonNode> items = awaitInbox("dir-a", old.pupilRef(), 1);
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL");
            assertThat(item.path("late").asBoolean()).isTrue();
            assertThat(item.path("body").asText())
                    .startsWith("Let op: dit signaal is al op zaterdag 24 oktober 2026 om 11:00 vastgelegd; deze melding komt te laat.");
        });
        assertThat(awaitInbox("ib-a", old.pupilRef(), 2)).filteredOn(item -> item.path("type").asText().equals("HOME_SITUATION_SIGNAL"))
                .singleElement().satisfies(item -> assertThat(item.path("late").asBoolean()).as("recorded just now").isFalse());
        assertThat(awaitInbox("bo-bestuur", oldMeldplicht.incidentId(), 1)).singleElement().satisfies(item -> {
            assertThat(item.path("type").asText()).isEqualTo("MELDPLICHT_INCIDENT");
            assertThat(item.path("late").asBoolean()).isTrue();
            assertThat(item.path("body").asText()).startsWith("Let op: dit incident is al op");
        });
        mail.deliverDue();
        assertThat(mailTo("dir-a@vlinder.example", old.pupilRef())).singleElement().satisfies(message -> {
            assertThat(subject(message)).startsWith("[Meldspoor] Urgent signaal").endsWith("(te laat)");
            assertThat(message.getContent().toString()).contains("deze melding komt te laat");
        });

        replayFromOffsetZero();
        PupilHistoryBuilder marker = PupilHistoryBuilder.pupil("gezin-oud-marker").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(marker);
        awaitInbox("ib-a", marker.pupilRef(), 1);
        assertThat(inbox("dir-a", old.pupilRef())).as("late, but once").hasSize(1);
        assertThat(inbox("bo-bestuur", oldMeldplicht.incidentId())).hasSize(1);
    }

    private static String urgentAlerts(List<JsonNode> items) {
        return items.stream().filter(item -> item.path("type").asText().equals("URGENT_SIGNAL")).count() + " urgent";
    }

    /** UI.md §3 flow C: "wacht op goedkeuring" to the case's principal (not another principal); a decision sent back to the casemanager. */
    @Test
    void aDecisionAwaitingApprovalReachesThePrincipalsAndOneSentBackTheCasemanager() {
        CLOCK.set(MONDAY.plus(Duration.ofDays(4)));
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", MONDAY).consultedColleague().talkedToParents(false)
                .suspicionAndUnsafety().decidedAwaitingApproval();
        publishCase(history);

        assertThat(awaitInbox("dir-carla", history.caseId(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("REPORT_DECISION_AWAITS_APPROVAL"));
        assertThat(inbox("ib-anna", history.caseId())).isEmpty();
        assertThat(inbox("dir-a", history.caseId())).as("another principal of the school cannot approve it").isEmpty();
        mail.deliverDue();
        assertThat(mailTo("dir-carla@vlinder.example", history.caseId())).singleElement()
                .satisfies(message -> assertThat(subject(message)).startsWith("[Meldspoor] Besluit over melden wacht op goedkeuring"));

        publishCase(history.decisionSentBack());
        assertThat(awaitInbox("ib-anna", history.caseId(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("REPORT_DECISION_SENT_BACK"));
        assertThat(inbox("dir-carla", history.caseId())).as("no second approval request for a decision sent back").hasSize(1);
    }

    @Test
    void anUrgentSignalGivenWhenACaseIsOpenedAlertsAtOnceAndOnce() {
        CLOCK.set(MONDAY);
        String pupilRef = "pupil-opened-" + UUID.randomUUID().toString().substring(0, 8);
        AttachedSignal disclosure = CaseHistoryBuilder.signal("sig-" + pupilRef, MONDAY.minus(Duration.ofHours(1)), SignalFlag.DISCLOSURE);
        CaseHistoryBuilder history = CaseHistoryBuilder.openedWith("school-a", MONDAY, pupilRef, disclosure).consultedColleague();
        publishCase(history);
        publishCase(history);

        for (String person : List.of("ib-a", "af-b", "dir-a")) {
            assertThat(awaitInbox(person, pupilRef, 1)).singleElement().satisfies(item -> {
                assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL");
                assertThat(item.path("reference").asText()).isEqualTo("leerling " + pupilRef + ", signaal " + disclosure.signalId());
                assertThat(item.path("late").asBoolean()).isFalse();
            });
        }
        mail.deliverDue();
        assertThat(mailTo("dir-a@vlinder.example", pupilRef)).singleElement()
                .satisfies(message -> assertThat(subject(message)).startsWith("[Meldspoor] Urgent signaal").doesNotContain(pupilRef));
        assertThat(mailTo("ib-a@vlinder.example", pupilRef)).hasSize(1);
    }

    @Test
    void anUrgentSignalAttachedToAnOpenCaseAlertsAtOnceAndOnce() {
        CLOCK.set(MONDAY.plus(Duration.ofDays(1)));
        String pupilRef = "pupil-attached-" + UUID.randomUUID().toString().substring(0, 8);
        AttachedSignal honour = CaseHistoryBuilder.signal("sig-" + pupilRef, MONDAY, SignalFlag.HONOUR_RELATED);
        CaseHistoryBuilder history = CaseHistoryBuilder.openedWith("school-a", MONDAY, pupilRef,
                CaseHistoryBuilder.signal("sig-first-" + pupilRef, MONDAY.minus(Duration.ofHours(1)))).signalAttached(honour).consultedColleague();
        publishCase(history);
        publishCase(history);

        for (String person : List.of("ib-a", "af-b", "dir-a")) {
            assertThat(awaitInbox(person, pupilRef, 1)).singleElement().satisfies(item -> {
                assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL");
                assertThat(item.path("reference").asText()).endsWith("signaal " + honour.signalId());
            });
        }
        mail.deliverDue();
        assertThat(mailTo("dir-a@vlinder.example", pupilRef)).hasSize(1);
        assertThat(mailTo("ib-a@vlinder.example", pupilRef)).hasSize(1);
    }

    @Test
    void anEscalatedUrgentSignalAlertsOnceWhenThePupilFileArrivesFirst() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-escalatie-1")
                .signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE).escalatedFirstSignal(MONDAY.plusSeconds(60));
        publishSignals(pupil);
        awaitInbox("dir-a", pupil.pupilRef(), 1);

        CaseHistoryBuilder escalated = CaseHistoryBuilder.openedWith("school-a", MONDAY.plusSeconds(120), pupil.pupilRef(),
                pupil.attachedSignal(0)).consultedColleague();
        publishCase(escalated);
        publishCase(escalated);

        mail.deliverDue();
        for (String person : List.of("ib-a", "af-b", "dir-a")) {
            assertThat(urgentAlerts(inbox(person, pupil.pupilRef()))).as(person).isEqualTo("1 urgent");
        }
        assertThat(mailTo("dir-a@vlinder.example", pupil.pupilRef())).hasSize(1);
        assertThat(mailTo("ib-a@vlinder.example", pupil.pupilRef())).hasSize(1);
    }

    @Test
    void anEscalatedUrgentSignalAlertsOnceWhenTheCaseArrivesFirst() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-escalatie-2")
                .signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.HONOUR_RELATED).escalatedFirstSignal(MONDAY.plusSeconds(60))
                .signal("school-a", MONDAY.plusSeconds(180), SignalCategory.HOME_SITUATION);
        CaseHistoryBuilder escalated = CaseHistoryBuilder.openedWith("school-a", MONDAY.plusSeconds(120), pupil.pupilRef(),
                pupil.attachedSignal(0)).consultedColleague();
        publishCase(escalated);
        awaitInbox("dir-a", pupil.pupilRef(), 1);

        publishSignals(pupil);
        // the pupil's later home-situation signal, on the same partition, shows that the urgent one before it was handled
        Eventually.within(DEADLINE).until(() -> inbox("ib-a", pupil.pupilRef()),
                items -> items.stream().anyMatch(item -> item.path("type").asText().equals("HOME_SITUATION_SIGNAL")));

        mail.deliverDue();
        for (String person : List.of("ib-a", "af-b", "dir-a")) {
            assertThat(urgentAlerts(inbox(person, pupil.pupilRef()))).as(person).isEqualTo("1 urgent");
        }
        assertThat(mailTo("dir-a@vlinder.example", pupil.pupilRef())).hasSize(1);
    }

    @Test
    void aMeldplichtIncidentGoesToTheBoardOfficerAndASeriousIncidentToThePrincipal() {
        CLOCK.set(MONDAY);
        IncidentHistoryBuilder meldplicht = IncidentHistoryBuilder.meldplicht("school-a", MONDAY.minus(Duration.ofHours(2)));
        IncidentHistoryBuilder serious = IncidentHistoryBuilder.incident("school-a", MONDAY.minus(Duration.ofHours(2)),
                IncidentType.PHYSICAL_VIOLENCE, Severity.SERIOUS);
        publish(Topics.SIGNAL_EVENTS, "Incident", meldplicht.published());
        publish(Topics.SIGNAL_EVENTS, "Incident", serious.published());

        assertThat(awaitInbox("bo-bestuur", meldplicht.incidentId(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("MELDPLICHT_INCIDENT"));
        assertThat(awaitInbox("dir-a", serious.incidentId(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("SERIOUS_INCIDENT"));
        assertThat(inbox("dir-a", meldplicht.incidentId())).as("a staff member is suspected: the board handles it").isEmpty();
        mail.deliverDue();
        assertThat(mailTo("meldcode@bestuur.example", meldplicht.incidentId())).singleElement()
                .satisfies(message -> assertThat(subject(message)).contains("Meldplicht"));
        assertThat(mailTo("dir-a@vlinder.example", serious.incidentId())).hasSize(1);
    }

    @Test
    void missingFeedbackFromVeiligThuisIsRemindedTheSchoolMorningAfterTheFifthWorkingDay() {
        // reported Thursday 26 November 2026; working days 27, 30 Nov, 1, 2, 3 Dec → reminder Friday 4 December 08:00
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-11-19T10:00:00Z"))
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported();
        CaseHistoryBuilder answered = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-11-19T10:00:00Z"))
                .consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported().feedback();
        publishCase(history);
        publishCase(answered);

        CLOCK.set(Instant.parse("2026-12-03T16:00:00Z"));
        reminders.giveDueReminders();
        assertThat(inbox("ib-anna", history.caseId())).noneMatch(item -> item.path("type").asText().equals("VEILIG_THUIS_FEEDBACK_MISSING"));

        CLOCK.set(Instant.parse("2026-12-04T07:00:00Z"));
        reminders.giveDueReminders();
        reminders.giveDueReminders();

        for (String person : List.of("ib-anna", "dir-carla")) {
            assertThat(inbox(person, history.caseId())).filteredOn(item -> item.path("type").asText().equals("VEILIG_THUIS_FEEDBACK_MISSING"))
                    .hasSize(1);
            assertThat(inbox(person, answered.caseId())).noneMatch(item -> item.path("type").asText().equals("VEILIG_THUIS_FEEDBACK_MISSING"));
        }
        mail.deliverDue();
        assertThat(mailTo("ib-anna@vlinder.example", history.caseId())).anySatisfy(message ->
                assertThat(subject(message)).contains("Nog geen terugkoppeling van Veilig Thuis"));
    }

    @Test
    void helpReachingItsTermIsRemindedToBeEvaluated() {
        // help from 25 November 2026 with a term of 30 days: Christmas Day 2026, in the northern Christmas holiday
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-11-23T10:00:00Z"))
                .consultedColleague().talkedToParents(true).helpStarted();
        publishCase(history);

        CLOCK.set(Instant.parse("2026-12-25T09:00:00Z"));
        reminders.giveDueReminders();
        assertThat(inbox("ib-anna", history.caseId())).noneMatch(item -> item.path("type").asText().equals("HELP_EVALUATION_DUE"));

        CLOCK.set(Instant.parse("2027-01-04T07:00:00Z"));
        reminders.giveDueReminders();
        assertThat(inbox("ib-anna", history.caseId())).filteredOn(item -> item.path("type").asText().equals("HELP_EVALUATION_DUE"))
                .singleElement().satisfies(item -> assertThat(item.path("body").asText()).contains("afweging 5"));
        mail.deliverDue();
        assertThat(mailTo("ib-anna@vlinder.example", history.caseId())).anySatisfy(message ->
                assertThat(subject(message)).contains("Hulp evalueren"));
    }

    @Test
    void anInactiveCaseRemindsTheCasemanagerThenEscalatesToThePrincipal() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-11-02T09:00:00Z"));
        publishCase(history);

        CLOCK.set(Instant.parse("2026-11-16T07:00:00Z"));
        reminders.giveDueReminders();
        assertThat(inbox("ib-anna", history.caseId())).extracting(item -> item.path("type").asText()).containsExactly("CASE_INACTIVE_REMINDER");
        assertThat(inbox("dir-carla", history.caseId())).isEmpty();

        CLOCK.set(Instant.parse("2026-11-23T07:00:00Z"));
        reminders.giveDueReminders();
        assertThat(inbox("dir-carla", history.caseId())).extracting(item -> item.path("type").asText()).containsExactly("CASE_INACTIVE_ESCALATION");
        assertThat(inbox("ib-anna", history.caseId())).hasSize(1);
        mail.deliverDue();
        assertThat(mailTo("dir-carla@vlinder.example", history.caseId())).singleElement()
                .satisfies(message -> assertThat(subject(message)).contains("staat stil"));
    }

    @Test
    void aRoleGrantedOnTheStaffTopicReceivesTheNextUrgentAlertAndNoneOnceItIsRevoked() {
        CLOCK.set(MONDAY);
        grant("ib-wissel", Role.CARE_COORDINATOR, "school-a");
        PupilHistoryBuilder before = PupilHistoryBuilder.pupil("gezin-wissel-1").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        publishSignals(before);

        assertThat(awaitInbox("ib-wissel", before.pupilRef(), 1)).singleElement()
                .satisfies(item -> assertThat(item.path("type").asText()).isEqualTo("URGENT_SIGNAL"));
        mail.deliverDue();
        assertThat(mailTo("ib-wissel@vlinder.example", before.pupilRef())).hasSize(1);

        revoke("ib-wissel", Role.CARE_COORDINATOR, "school-a");
        PupilHistoryBuilder after = PupilHistoryBuilder.pupil("gezin-wissel-2").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        publishSignals(after);

        awaitInbox("ib-a", after.pupilRef(), 1);
        awaitInbox("dir-a", after.pupilRef(), 1);
        mail.deliverDue();
        assertThat(inbox("ib-wissel", after.pupilRef())).as("the role was revoked before the alert").isEmpty();
        assertThat(mailTo("ib-wissel@vlinder.example", after.pupilRef())).isEmpty();
        assertThat(mailTo("ib-a@vlinder.example", after.pupilRef())).hasSize(1);
    }

    @Test
    void aRoleRevokedBetweenRaisingAndSendingGetsNoMailAndTheNotificationSaysWhy() {
        CLOCK.set(MONDAY);
        grant("ib-kort", Role.CARE_COORDINATOR, "school-a");
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-kort").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(pupil);
        awaitInbox("ib-kort", pupil.pupilRef(), 1);
        awaitInbox("ib-a", pupil.pupilRef(), 1);

        revoke("ib-kort", Role.CARE_COORDINATOR, "school-a");
        mail.deliverDue();

        assertThat(mailTo("ib-kort@vlinder.example", pupil.pupilRef())).isEmpty();
        assertThat(inbox("ib-kort", pupil.pupilRef())).singleElement().satisfies(item -> {
            assertThat(item.path("mail").path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(item.path("mail").path("withdrawnReason").asText()).startsWith("Niet verstuurd: ib-kort")
                    .contains("intern begeleider van OBS De Vlinder");
            assertThat(item.path("mail").path("attempts")).isEmpty();
        });
        assertThat(mailTo("ib-a@vlinder.example", pupil.pupilRef())).as("who still holds the role").hasSize(1);
        assertThat(meters.get("meldspoor.notifications.withdrawn").tag("type", "HOME_SITUATION_SIGNAL").counter().count()).isPositive();
    }

    @Test
    void aReplayDoesNotAlertWhoGotTheRoleSinceAboutEarlierEvents() throws Exception {
        CLOCK.set(MONDAY);
        // a home-situation signal: no key of its own beyond its event, so only the event's claim on its recipients holds
        PupilHistoryBuilder earlier = PupilHistoryBuilder.pupil("gezin-eerder").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(earlier);
        awaitInbox("ib-a", earlier.pupilRef(), 1);

        grant("ib-later", Role.CARE_COORDINATOR, "school-a");
        replayFromOffsetZero();
        PupilHistoryBuilder marker = PupilHistoryBuilder.pupil("gezin-eerder-marker").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(marker);

        assertThat(awaitInbox("ib-later", marker.pupilRef(), 1)).as("the new IB'er gets what comes after the grant").hasSize(1);
        assertThat(inbox("ib-later", earlier.pupilRef())).as("not what was told before it, replayed").isEmpty();
        assertThat(inbox("ib-a", earlier.pupilRef())).hasSize(1);
    }

    @Test
    void aCasemanagerWhoseRoleAtTheSchoolWasRevokedGetsNoReminderThePrincipalDoes() {
        // the case histories' casemanager is ib-anna; at school-c she is IB'er until the administrator revokes it
        grant("ib-anna", Role.CARE_COORDINATOR, "school-c");
        grant("dir-c", Role.PRINCIPAL, "school-c");
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-c", Instant.parse("2026-11-02T09:00:00Z"));
        publishCase(history);
        revoke("ib-anna", Role.CARE_COORDINATOR, "school-c");

        CLOCK.set(Instant.parse("2026-11-16T07:00:00Z"));
        reminders.giveDueReminders();

        assertThat(inbox("ib-anna", history.caseId())).isEmpty();
        assertThat(inbox("dir-c", history.caseId())).extracting(item -> item.path("type").asText()).containsExactly("CASE_INACTIVE_REMINDER");
        mail.deliverDue();
        assertThat(mailTo("ib-anna@vlinder.example", history.caseId())).isEmpty();
        assertThat(mailTo("dir-c@debrug.example", history.caseId())).singleElement()
                .satisfies(message -> assertThat(subject(message)).contains("zonder recente activiteit"));
    }

    @Test
    void anSmtpOutageDelaysTheMailWhichIsThenDeliveredOnce() {
        CLOCK.set(MONDAY);
        IncidentHistoryBuilder serious = IncidentHistoryBuilder.incident("school-a", MONDAY.minus(Duration.ofHours(1)),
                IncidentType.WEAPON_OTHER, Severity.SERIOUS);
        SMTP.stop();
        try {
            publish(Topics.SIGNAL_EVENTS, "Incident", serious.published());
            awaitInbox("dir-a", serious.incidentId(), 1);
            mail.deliverDue();
            JsonNode failed = inbox("dir-a", serious.incidentId()).get(0).path("mail");
            assertThat(failed.path("status").asText()).isEqualTo("PENDING");
            assertThat(failed.path("attempts")).singleElement().satisfies(attempt -> assertThat(attempt.path("succeeded").asBoolean()).isFalse());
        } finally {
            SMTP.start();
        }
        mail.deliverDue();
        assertThat(inbox("dir-a", serious.incidentId()).get(0).path("mail").path("attempts")).as("waits for its back-off").hasSize(1);

        CLOCK.advance(Duration.ofMinutes(1));
        mail.deliverDue();
        mail.deliverDue();

        JsonNode delivered = inbox("dir-a", serious.incidentId()).get(0).path("mail");
        assertThat(delivered.path("status").asText()).isEqualTo("SENT");
        assertThat(delivered.path("attempts").findValuesAsText("succeeded")).containsExactly("false", "true");
        assertThat(mailTo("dir-a@vlinder.example", serious.incidentId())).hasSize(1);
        assertThat(meters.get("meldspoor.notifications.failed").tag("type", "SERIOUS_INCIDENT").counter().count()).isPositive();
        assertThat(meters.get("meldspoor.notifications.sent").tag("type", "SERIOUS_INCIDENT").counter().count()).isPositive();
        assertThat(meters.get("meldspoor.notifications.pending").tag("type", "SERIOUS_INCIDENT").gauge().value()).isZero();
    }

    @Test
    void theInboxIsPersonalAndKeepsReadAndUnread() {
        CLOCK.set(MONDAY);
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("gezin-inbox").signal("school-a", MONDAY, SignalCategory.HOME_SITUATION);
        publishSignals(pupil);
        String id = awaitInbox("ib-a", pupil.pupilRef(), 1).get(0).path("id").asText();

        assertThat(read(post("ib-a", "/api/inbox/" + id + "/read")).path("read").asBoolean()).isTrue();
        assertThat(get("ib-a", "/api/inbox?read=false&size=100").path("notifications").findValuesAsText("id")).doesNotContain(id);
        assertThat(read(post("ib-a", "/api/inbox/" + id + "/unread")).path("read").asBoolean()).isFalse();
        assertThat(get("ib-a", "/api/inbox?read=false&size=100").path("notifications").findValuesAsText("id")).contains(id);

        assertThat(get("dir-b", "/api/inbox/" + id).path("httpStatus").asInt()).as("someone else's notification").isEqualTo(404);
        assertThat(post("dir-b", "/api/inbox/" + id + "/read").getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/api/inbox", String.class).getStatusCode().value()).as("no acting person").isEqualTo(401);
        assertThat(get("ib-a", "/api/inbox?size=1000").path("httpStatus").asInt()).isEqualTo(400);
    }
}
