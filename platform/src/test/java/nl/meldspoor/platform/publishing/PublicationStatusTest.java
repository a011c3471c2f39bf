package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A stuck lane says so once, with the event and Kafka's error, and keeps saying it in health and metrics until it moves. */
@ExtendWith(OutputCaptureExtension.class)
class PublicationStatusTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final PublicationStatus status = new PublicationStatus(new PublishingLane("kafka-publisher", "meldspoor.case-events"), clock, meters);

    @Test
    void aStuckLaneLogsOneErrorNotOnePerRetryAndIsDownWithTheReasonUntilItMovesAgain(CapturedOutput output) {
        assertThat(status.health().getStatus()).isEqualTo(Status.UP);

        for (int retry = 0; retry < 5; retry++) {
            status.failed("event-1 (ColleagueConsulted of MeldcodeCase case-1 #1)",
                    new EventPublicationFailedException("batch", new RecordTooLargeException("too large")));
            clock.advance(Duration.ofSeconds(4));
        }

        assertThat(status.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(status.health().getDetails())
                .containsEntry("failingEvent", "event-1 (ColleagueConsulted of MeldcodeCase case-1 #1)")
                .containsEntry("stalledSince", "2026-12-01T10:00:00Z")
                .containsEntry("stalledSeconds", 20L)
                .containsEntry("failedAttempts", 5L);
        assertThat(status.health().getDetails().get("error").toString()).startsWith("RecordTooLargeException: too large");
        assertThat(meters.get("meldspoor.events.publication.stalled").tag("lane", "kafka-publisher").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("meldspoor.events.publication.stalled.seconds").tag("topic", "meldspoor.case-events").gauge().value()).isEqualTo(20.0);
        assertThat(output.getAll().split("is stuck", -1)).as("one ERROR line for five failed attempts").hasSize(2);

        status.progressed();

        assertThat(status.health().getStatus()).isEqualTo(Status.UP);
        assertThat(meters.get("meldspoor.events.publication.stalled").gauge().value()).isEqualTo(0.0);
        assertThat(meters.get("meldspoor.events.publication.stalled.seconds").gauge().value()).isEqualTo(0.0);
        assertThat(output.getAll()).contains("recovered (lane kafka-publisher) after 20 s and 5 failed attempts");
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
