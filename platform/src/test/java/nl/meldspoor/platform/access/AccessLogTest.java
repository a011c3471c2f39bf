package nl.meldspoor.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.platform.security.Caller;
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
        request.addHeader(AccessLog.PURPOSE_HEADER, "  zorgoverleg groep 5  ");

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
        assertThat(viewed.purpose()).isEqualTo("zorgoverleg groep 5");
    }

    @Test
    void whenTheLogCannotBeWrittenTheReadIsRefused() {
        kafka.answer = CompletableFuture.failedFuture(new TimeoutException("no broker"));

        assertThatThrownBy(() -> accessLog.record(PRINCIPAL, "school-a", RecordKind.CASE_TIMELINE, "case-1", new MockHttpServletRequest()))
                .isInstanceOf(AccessLogUnavailableException.class);
    }
}
