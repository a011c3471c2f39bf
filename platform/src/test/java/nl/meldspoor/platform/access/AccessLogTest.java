package nl.meldspoor.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.testing.EventContracts;
import nl.meldspoor.platform.web.BadRequestHeaderException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.mock.web.MockHttpServletRequest;

class AccessLogTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final Caller PRINCIPAL = new Caller("dir-a", Role.PRINCIPAL, List.of(new StaffGrant(Role.PRINCIPAL, "school-a", null)));
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Path FIXTURES = Path.of("src/test/resources/contracts/access");

    /** Kafka as the access log sees it: what was sent, and how the broker answers. */
    private static final class RecordingKafka extends KafkaTemplate<String, byte[]> {

        private final List<ProducerRecord<String, byte[]>> sent = new java.util.ArrayList<>();
        private CompletableFuture<SendResult<String, byte[]>> answer = CompletableFuture.completedFuture(null);

        RecordingKafka() {
            super(new DefaultKafkaProducerFactory<>(java.util.Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            sent.add(record);
            return answer;
        }
    }

    private final RecordingKafka kafka = new RecordingKafka();
    private final AccessLog accessLog = new AccessLog(kafka, JSON, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(1));

    @Test
    void aReadIsWrittenWithWhoWhatWhenAndWhyBeforeTheDataLeaves() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(AccessLog.PURPOSE_HEADER, " care_coordination ");

        accessLog.record(PRINCIPAL, "school-a", RecordKind.DOSSIER, "case-1", request);

        assertThat(kafka.sent).hasSize(1);
        ProducerRecord<String, byte[]> record = kafka.sent.get(0);
        assertThat(record.topic()).isEqualTo(Topics.ACCESS_LOG);
        assertThat(record.key()).isEqualTo("school-a");
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo(RecordViewed.class.getName());
        RecordViewed viewed = JSON.readValue(record.value(), RecordViewed.class);
        assertThat(viewed.actor().personId()).isEqualTo("dir-a");
        assertThat(viewed.actor().role()).isEqualTo(Role.PRINCIPAL);
        assertThat(viewed.kind()).isEqualTo(RecordKind.DOSSIER);
        assertThat(viewed.recordId()).isEqualTo("case-1");
        assertThat(viewed.occurredAt()).isEqualTo(NOW);
        assertThat(viewed.purpose()).isEqualTo(AccessPurpose.CARE_COORDINATION);
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_REVISION).value(), StandardCharsets.UTF_8)).isEqualTo("2");
    }

    @Test
    void aPurposeInTheReadersOwnWordsIsRefusedNamingTheHeaderAndNothingIsLogged() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader(AccessLog.PURPOSE_HEADER, "gesprek over de mishandeling van Sanne Jansen");

        assertThatThrownBy(() -> accessLog.record(PRINCIPAL, "school-a", RecordKind.DOSSIER, "case-1", request))
                .isInstanceOfSatisfying(BadRequestHeaderException.class, refused -> {
                    assertThat(refused.header()).isEqualTo(AccessLog.PURPOSE_HEADER);
                    assertThat(refused.getMessage()).contains("CARE_COORDINATION").doesNotContain("Sanne");
                });
        assertThat(kafka.sent).isEmpty();
    }

    @Test
    void aReadWithoutAPurposeIsLoggedWithoutOne() throws Exception {
        accessLog.record(PRINCIPAL, "school-a", RecordKind.CASE_STATE, "case-1", new MockHttpServletRequest());

        assertThat(JSON.readValue(kafka.sent.get(0).value(), RecordViewed.class).purpose()).isNull();
    }

    /** Revision 1 held free text; it stays on the topic, but no reader lets it surface again. */
    @Test
    void aRevisionOneReadWithAFreeTextPurposeReadsAsOther() throws Exception {
        RecordViewed old = JSON.readValue(FIXTURES.resolve("RecordViewed.v1.json").toFile(), RecordViewed.class);

        assertThat(old.purpose()).isEqualTo(AccessPurpose.OTHER);
        assertThat(JSON.writeValueAsString(old)).doesNotContain("Sanne", "zorgoverleg");
        assertThat(old.recordId()).isEqualTo("case-1");
    }

    @Test
    void theStoredShapeOfRevisionTwoIsPinned() {
        EventContracts.assertPinned(new RecordViewed("0b6c8f9e-3d2a-4f1b-9c7e-5a4d3b2c1e0f", "school-a", new Actor("dir-a", Role.PRINCIPAL), NOW,
                RecordKind.DOSSIER, "case-1", AccessPurpose.PARENT_INSPECTION), FIXTURES);
    }

    @Test
    void whenTheLogCannotBeWrittenTheReadIsRefused() {
        kafka.answer = CompletableFuture.failedFuture(new TimeoutException("no broker"));

        assertThatThrownBy(() -> accessLog.record(PRINCIPAL, "school-a", RecordKind.CASE_TIMELINE, "case-1", new MockHttpServletRequest()))
                .isInstanceOf(AccessLogUnavailableException.class);
    }
}
