package nl.meldspoor.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.transaction.CannotCreateTransactionException;

class ConsumersHealthTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConsumerRetries retries = new ConsumerRetries(meters, 3, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    private final ConsumersHealthIndicator health = new ConsumersHealthIndicator(retries);
    private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("meldspoor.signal-events", 1, 42, "pupil-1", new byte[0]);

    @Test
    void aConsumerStuckOnOneRecordTurnsDownWithTheRecordTheReasonAndSinceWhenAndUpAgainOnceItGetsThrough() {
        retries.register("signal-intake");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        fail(2);
        assertThat(health.health().getStatus()).as("a short retry is not yet a problem").isEqualTo(Status.UP);
        assertThat(meters.get("meldspoor.consumer.retrying").tag("consumer", "signal-intake").gauge().value()).isEqualTo(1.0);

        fail(1);
        Health stuck = health.health();
        assertThat(stuck.getStatus()).isEqualTo(Status.DOWN);
        @SuppressWarnings("unchecked")
        Map<String, Object> intake = (Map<String, Object>) stuck.getDetails().get("signal-intake");
        assertThat(intake).containsEntry("status", "STUCK").containsEntry("record", "meldspoor.signal-events-1@42")
                .containsEntry("since", "2026-12-01T10:00:00Z").containsEntry("attempts", 3);
        assertThat((String) intake.get("reason")).contains("CannotCreateTransactionException");
        assertThat(meters.get("meldspoor.consumer.retries").tag("consumer", "signal-intake").counter().count()).isEqualTo(3.0);

        retries.succeeded("signal-intake", record);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("meldspoor.consumer.retrying").tag("consumer", "signal-intake").gauge().value()).isZero();
    }

    private void fail(int times) {
        for (int attempt = 0; attempt < times; attempt++) {
            retries.failed("signal-intake", record, new RuntimeException(new CannotCreateTransactionException("Could not open JDBC Connection")), attempt + 1);
        }
    }
}
