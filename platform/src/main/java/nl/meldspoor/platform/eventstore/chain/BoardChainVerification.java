package nl.meldspoor.platform.eventstore.chain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of one verification of every aggregate's chain in this service's event store.
 *
 * @param trigger {@code SCHEDULE} or {@code ON_DEMAND}
 * @param broken  the aggregates whose chain does not hold, with their first broken sequence number
 */
public record BoardChainVerification(UUID verificationId, Instant startedAt, Instant finishedAt, String trigger,
                                     long validAggregates, long brokenAggregates, List<BrokenChain> broken) {

    public BoardChainVerification {
        broken = List.copyOf(broken);
    }

    public record BrokenChain(String aggregateId, long firstBrokenSequence) {
    }
}
