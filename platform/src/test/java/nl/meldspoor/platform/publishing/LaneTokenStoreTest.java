package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff lane passes over nearly every event of the case-service. A batch it only passes over does not store its
 * token again within the interval; a batch with one of its events always does. So the stored token lags only over
 * events the lane publishes nothing of, and a restart there publishes nothing twice.
 */
class LaneTokenStoreTest {

    private static final String STAFF_LANE = PublishingLane.MAIN + "-meldspoor.staff";
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final EventPublishingProperties properties = new EventPublishingProperties(null, "meldspoor.case-events", "MeldcodeCase",
            null, null, null, null, Map.of("StaffMember", "meldspoor.staff"), INTERVAL);
    private final PublishingLane staffLane = PublishingLane.of(properties).get(1);
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final AtomicLong now = new AtomicLong();
    private final LaneTokenStore store = new LaneTokenStore(tokens,
            event -> event instanceof DomainEventMessage<?> stored && staffLane.carries(stored.getType(), properties), INTERVAL, now::get);

    @BeforeEach
    void theLaneStoredItsTokenAtSequence1() {
        tokens.initializeTokenSegments(STAFF_LANE, 1, null);
        tokens.fetchToken(STAFF_LANE, 0);
        inBatch(List.of(stored("StaffMember", 1)));
        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(token(1));
    }

    @Test
    void aBatchTheLanePassesOverDoesNotStoreItsTokenWithinTheInterval() {
        now.addAndGet(INTERVAL.toNanos() - 1);

        inBatch(List.of(stored("MeldcodeCase", 2), stored("MeldcodeCase", 3)));

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).as("a restart reads 2 and 3 again and publishes nothing of them").isEqualTo(token(1));
    }

    @Test
    void aBatchWithOneOfTheLanesEventsAlwaysStoresItsToken() {
        inBatch(List.of(stored("MeldcodeCase", 2)));
        inBatch(List.of(stored("MeldcodeCase", 3), stored("StaffMember", 4)));

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(token(4));
    }

    @Test
    void aBatchTheLanePassesOverStoresItsTokenOnceTheIntervalHasPassed() {
        inBatch(List.of(stored("MeldcodeCase", 2)));
        now.addAndGet(INTERVAL.toNanos());

        inBatch(List.of(stored("MeldcodeCase", 3)));

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(token(3));
    }

    @Test
    void outsideABatchTheTokenIsAlwaysStored() {
        store.storeToken(token(7), STAFF_LANE, 0);

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).as("a reset or split is never held back").isEqualTo(token(7));
    }

    @Test
    void aClaimReleasedAndTakenAgainStoresItsFirstPassedOverBatch() {
        store.releaseClaim(STAFF_LANE, 0);
        tokens.fetchToken(STAFF_LANE, 0);

        inBatch(List.of(stored("MeldcodeCase", 2)));

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(token(2));
    }

    @Test
    void anIntervalLongerThanTheClaimAllowsIsRefused() {
        assertThatThrownBy(() -> new EventPublishingProperties(null, "t", "T", null, null, null, null,
                        Map.of(), Duration.ofSeconds(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passed-over-token-interval");
    }

    /** As the tracking processor does: the batch's unit of work stores the token of its last event, then commits. */
    private void inBatch(List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
        unitOfWork.start();
        store.storeToken(batch.get(batch.size() - 1).trackingToken(), STAFF_LANE, 0);
        unitOfWork.commit();
    }

    private static TrackedEventMessage<?> stored(String aggregateType, long position) {
        return new GenericTrackedDomainEventMessage<>(token(position),
                new GenericDomainEventMessage<>(aggregateType, aggregateType + "-" + position, 0, "payload"));
    }

    private static TrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }
}
