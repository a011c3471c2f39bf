package nl.meldspoor.reporting.readmodel;

import java.time.Instant;

/**
 * An aggregate whose document waits for a missing event: it shows the history up to {@code appliedSequence};
 * events {@code missingFrom}..{@code missingTo} never arrived (look in the dead-letter topic), and {@code held}
 * later events wait since {@code since}.
 */
public record IncompleteAggregate(String aggregateId, long appliedSequence, long missingFrom, long missingTo, int held, Instant since) {
}
