package nl.meldspoor.platform.eventstore;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import nl.meldspoor.platform.transaction.TransactionScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last sequence number each aggregate's events were appended with in the current Spring transaction, so a
 * command's answer names the aggregate's new version without asking the store again (one round trip per
 * command). Known only inside the transaction that appended them; forgotten when it completes, committed or not.
 */
public final class AppendedSequences {

    private static final Object KEY = AppendedSequences.class;

    private AppendedSequences() {
    }

    /** The aggregate's last sequence number appended in this transaction; empty when none was (or no transaction). */
    public static OptionalLong lastOf(String aggregateId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return OptionalLong.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Long> appended = (Map<String, Long>) TransactionSynchronizationManager.getResource(KEY);
        Long last = appended == null ? null : appended.get(aggregateId);
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }

    static void remember(List<? extends EventMessage<?>> events) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Map<String, Long> appended = TransactionScoped.map(KEY);
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
                appended.merge(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(), Math::max);
            }
        }
    }
}
