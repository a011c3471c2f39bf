package nl.meldspoor.platform.publishing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Whether a publishing lane makes progress. The first failure makes the lane stalled: health DOWN with
 * the failing event and Kafka's error, the gauges {@code meldspoor.events.publication.stalled} (1) and
 * {@code meldspoor.events.publication.stalled.seconds}, and one ERROR line. The retries that follow change
 * only the details; the first batch that commits again logs one INFO line and turns the lane UP.
 */
public final class PublicationStatus implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(PublicationStatus.class);

    private final PublishingLane lane;
    private final Clock clock;
    private Instant stalledSince;
    private Instant lastProgress;
    private String failingEvent;
    private String error;
    private long failedAttempts;

    PublicationStatus(PublishingLane lane, Clock clock, MeterRegistry meters) {
        this.lane = lane;
        this.clock = clock;
        Gauge.builder("meldspoor.events.publication.stalled", this, status -> status.isStalled() ? 1 : 0)
                .description("1 while the publishing lane cannot get its next events into Kafka")
                .tag("lane", lane.processingGroup()).tag("topic", lane.topic())
                .register(meters);
        Gauge.builder("meldspoor.events.publication.stalled.seconds", this, PublicationStatus::stalledSeconds)
                .description("How long the publishing lane has been stuck (0 when it is not)")
                .tag("lane", lane.processingGroup()).tag("topic", lane.topic())
                .register(meters);
    }

    public PublishingLane lane() {
        return lane;
    }

    public synchronized boolean isStalled() {
        return stalledSince != null;
    }

    synchronized double stalledSeconds() {
        return stalledSince == null ? 0 : Duration.between(stalledSince, clock.instant()).toMillis() / 1000.0;
    }

    /**
     * @param event the event Kafka did not take, or null when the batch failed as a whole (e.g. its token
     *              could not be stored)
     */
    synchronized void failed(String event, Throwable failure) {
        failedAttempts++;
        if (event != null || failingEvent == null) {
            failingEvent = event;
        }
        error = describe(failure);
        if (stalledSince == null) {
            stalledSince = clock.instant();
            failedAttempts = 1;
            log.error("Publishing to {} is stuck (lane {}): {} was not accepted: {}. The lane keeps its position and "
                            + "retries with back-off; its later events wait, other lanes go on. Health shows DOWN until it recovers.",
                    lane.topic(), lane.processingGroup(), failingEvent == null ? "a batch" : "event " + failingEvent, error);
        }
    }

    synchronized void progressed() {
        lastProgress = clock.instant();
        if (stalledSince != null) {
            log.info("Publishing to {} recovered (lane {}) after {} s and {} failed attempts; the waiting events follow in order.",
                    lane.topic(), lane.processingGroup(), Duration.between(stalledSince, lastProgress).toSeconds(), failedAttempts);
            stalledSince = null;
            failingEvent = null;
            error = null;
            failedAttempts = 0;
        }
    }

    @Override
    public synchronized Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", lane.topic());
        details.put("processor", lane.processingGroup());
        if (lastProgress != null) {
            details.put("lastProgress", lastProgress.toString());
        }
        if (stalledSince == null) {
            return Health.up().withDetails(details).build();
        }
        details.put("stalledSince", stalledSince.toString());
        details.put("stalledSeconds", (long) stalledSeconds());
        details.put("failedAttempts", failedAttempts);
        if (failingEvent != null) {
            details.put("failingEvent", failingEvent);
        }
        details.put("error", error);
        return Health.down().withDetails(details).build();
    }

    private static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == failure
                ? failure.getClass().getSimpleName() + ": " + failure.getMessage()
                : root.getClass().getSimpleName() + ": " + root.getMessage() + " (" + failure.getMessage() + ")";
    }
}
