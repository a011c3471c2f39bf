package nl.meldspoor.platform.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, waking its tracking processors (the Kafka publishing lanes) when the
 * events are really committed. Axon wakes them when its unit of work commits; a command runs inside
 * the {@code CommandExecutor}'s outer transaction (events and idempotency record together), so at that
 * moment the rows are not yet visible, the store's reader finds nothing and sleeps for the whole fetch
 * delay — about a second between a command's answer and its event on Kafka. Here the wake-up waits for
 * the outermost Spring transaction to commit; without one (Axon committed its own) it happens at once.
 * It also remembers what it appended in that transaction ({@link AppendedSequences}).
 */
public class CommitAwareEventStore extends EmbeddedEventStore {

    CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        AppendedSequences.remember(events);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeTrackingProcessors(events);
                }
            });
        } else {
            wakeTrackingProcessors(events);
        }
    }

    private void wakeTrackingProcessors(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
