package nl.meldspoor.platform.eventstore.chain;

import java.time.Instant;

/**
 * What an auditor learns about one aggregate's chain.
 *
 * @param events              how many events are stored for the aggregate
 * @param firstBrokenSequence the first sequence number whose stored event is missing or does not match its chain
 *                            hash, {@code null} when the chain holds
 * @param headHash            the stored chain hash of the last event (hex): noted outside the system, it shows later
 *                            whether the history up to that event was rewritten together with its chain
 */
public record ChainVerification(String aggregateId, boolean valid, long events, Long firstBrokenSequence, Instant checkedAt,
                                String headHash) {
}
