package nl.meldspoor.platform.publishing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventhandling.tokenstore.UnableToInitializeTokenException;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The token store of one {@link PublishingLane}. A lane reads every stored event and publishes only its topic's: the
 * staff lane passes over nearly all of them. Its processor stores its token (an update, a commit) for every batch, which
 * at one command at a time is one write transaction per event for a lane that publishes nothing. Here a batch that
 * carries none of the lane's events stores its token only when the last store of the segment lies {@code interval} or
 * more behind; every batch that carries one of them stores it, in the transaction that waits for Kafka.
 *
 * <p>So the stored token lags only over events the lane passes over: a restart resumes there, reads them again and
 * publishes nothing twice. The interval stays well below the token claim's time-out (10 s), since a stored token also
 * renews the processor's claim of its segment. Every other call goes to the store as it is.
 */
final class LaneTokenStore implements TokenStore {

    private final TokenStore store;
    private final Predicate<EventMessage<?>> carried;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Map<Integer, Long> storedAt = new ConcurrentHashMap<>();

    /** @param carried whether an event goes to the lane's topic */
    LaneTokenStore(TokenStore store, Predicate<EventMessage<?>> carried, Duration interval, LongSupplier nanoTime) {
        this.store = store;
        this.carried = carried;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) throws UnableToClaimTokenException {
        long now = nanoTime.getAsLong();
        Long last = storedAt.get(segment);
        if (last != null && now - last < intervalNanos && batchPassedOver()) {
            return;
        }
        store.storeToken(token, processorName, segment);
        storedAt.put(segment, now);
    }

    /**
     * Whether the processor's batch being handled holds none of the lane's events. Outside a batch (a reset, a split, a
     * batch of events no handler takes) the token is always stored.
     */
    private boolean batchPassedOver() {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork instanceof BatchingUnitOfWork<?> batch
                && batch.getMessages().stream().noneMatch(message -> message instanceof EventMessage<?> event && carried.test(event));
    }

    @Override
    public void releaseClaim(String processorName, int segment) {
        storedAt.remove(segment);
        store.releaseClaim(processorName, segment);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken)
            throws UnableToClaimTokenException {
        store.initializeTokenSegments(processorName, segmentCount, initialToken);
    }

    @Override
    public TrackingToken fetchToken(String processorName, int segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public TrackingToken fetchToken(String processorName, Segment segment) throws UnableToClaimTokenException {
        return store.fetchToken(processorName, segment);
    }

    @Override
    public void extendClaim(String processorName, int segment) throws UnableToClaimTokenException {
        store.extendClaim(processorName, segment);
    }

    @Override
    public void initializeSegment(TrackingToken token, String processorName, int segment)
            throws UnableToInitializeTokenException {
        store.initializeSegment(token, processorName, segment);
    }

    @Override
    public void deleteToken(String processorName, int segment) throws UnableToClaimTokenException {
        storedAt.remove(segment);
        store.deleteToken(processorName, segment);
    }

    @Override
    public boolean requiresExplicitSegmentInitialization() {
        return store.requiresExplicitSegmentInitialization();
    }

    @Override
    public int[] fetchSegments(String processorName) {
        return store.fetchSegments(processorName);
    }

    @Override
    public List<Segment> fetchAvailableSegments(String processorName) {
        return store.fetchAvailableSegments(processorName);
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        return store.retrieveStorageIdentifier();
    }
}
