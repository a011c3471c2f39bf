package nl.meldspoor.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command's events are appended inside the CommandExecutor's outer transaction; the publishing lane must
 * see them as soon as that transaction commits, not one fetch delay later. The fetch delay here is a
 * minute, so only the wake-up can deliver the event within the test's wait.
 */
class CommitAwareEventStoreTest {

    private static final long FETCH_DELAY_MILLIS = 60_000;

    private final RowsVisibleOnCommit engine = new RowsVisibleOnCommit();
    private final EmbeddedEventStore store = new CommitAwareEventStore(
            EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(FETCH_DELAY_MILLIS));
    private final TransactionTemplate commandTransaction = new TransactionTemplate(new NoDatabaseTransactions());

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void anEventAppendedInsideTheCommandsTransactionReachesTheProcessorWhenThatTransactionCommits() throws Exception {
        TrackingEventStream lane = tailingStream();

        commandTransaction.executeWithoutResult(status -> {
            publishInUnitOfWork("case opened");
            // The rest of the command's transaction (version look-up, idempotency record) takes a few
            // milliseconds: long enough for a reader woken now to look and find nothing yet.
            engine.awaitAReader();
        });

        assertThat(lane.hasNextAvailable(10, TimeUnit.SECONDS)).as("delivered well before the fetch delay").isTrue();
        assertThat(lane.nextAvailable().getPayload()).isEqualTo("case opened");
    }

    @Test
    void anEventCommittedByAxonsOwnTransactionReachesTheProcessorAtOnce() throws Exception {
        TrackingEventStream lane = tailingStream();

        publishInUnitOfWork("case opened");

        assertThat(lane.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lane.nextAvailable().getPayload()).isEqualTo("case opened");
    }

    @Test
    void aRolledBackTransactionDeliversNothingAndTheNextCommandStillArrives() throws Exception {
        TrackingEventStream lane = tailingStream();

        commandTransaction.executeWithoutResult(status -> {
            publishInUnitOfWork("never happened");
            status.setRollbackOnly();
        });
        commandTransaction.executeWithoutResult(status -> publishInUnitOfWork("case opened"));

        assertThat(lane.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(lane.nextAvailable().getPayload()).isEqualTo("case opened");
    }

    @Test
    void theCommandsTransactionKnowsTheLastSequenceItAppendedPerAggregateAndForgetsItWhenItEnds() {
        java.util.OptionalLong seenInside = commandTransaction.execute(status -> {
            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(
                    new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 0, "opened"),
                    new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 1, "consulted"),
                    new GenericDomainEventMessage<>("PupilFile", "pupil-1", 7, "recorded")));
            assertThat(AppendedSequences.lastOf("pupil-1")).hasValue(7);
            assertThat(AppendedSequences.lastOf("case-2")).isEmpty();
            return AppendedSequences.lastOf("case-1");
        });

        assertThat(seenInside).hasValue(1);
        commandTransaction.executeWithoutResult(status -> assertThat(AppendedSequences.lastOf("case-1")).isEmpty());
        assertThat(AppendedSequences.lastOf("case-1")).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesNoSequenceForTheNext() {
        commandTransaction.executeWithoutResult(status -> {
            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 4, "x")));
            status.setRollbackOnly();
        });

        commandTransaction.executeWithoutResult(status -> assertThat(AppendedSequences.lastOf("case-1")).isEmpty());
    }

    /** Reads the (empty) store to its head, so the stream tails the store's shared reader as a tracking processor does. */
    private TrackingEventStream tailingStream() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        assertThat(stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)).isFalse();
        return stream;
    }

    private void publishInUnitOfWork(String payload) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
    }

    /**
     * A storage engine with a database's isolation: rows appended inside a transaction become visible to
     * readers when it commits (before the after-commit callbacks run), and never when it rolls back.
     */
    private static final class RowsVisibleOnCommit extends InMemoryEventStorageEngine {

        private final java.util.concurrent.Semaphore reads = new java.util.concurrent.Semaphore(0);

        RowsVisibleOnCommit() {
            super();
        }

        @Override
        public java.util.stream.Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> readEvents(
                org.axonframework.eventhandling.TrackingToken token, boolean mayBlock) {
            // what a query returns is read at once, as rows are; then the waiting transaction may go on
            List<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> rows = super.readEvents(token, mayBlock).toList();
            reads.release();
            return rows.stream();
        }

        /** Waits (briefly) until the store's reader looks, if something woke it. */
        void awaitAReader() {
            reads.drainPermits();
            try {
                reads.tryAcquire(300, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                super.appendEvents(events);
                return;
            }
            List<EventMessage<?>> pending = new ArrayList<>(events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    RowsVisibleOnCommit.super.appendEvents(pending);
                }
            });
        }
    }

    /** Spring's transaction bookkeeping (synchronizations, commit, rollback) without a database. */
    private static final class NoDatabaseTransactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
