package nl.meldspoor.casework.meldcase.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.eventstore.EventHistory;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import nl.meldspoor.platform.testing.MutableClock;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/**
 * A case's history is kept as read: the next read asks the store only for what was recorded after it, and gives exactly
 * what reading the whole store gives; an erasure makes the history be read again from its first event and not kept while
 * a replica may still hold the key; the kept histories stay within their bound.
 */
class CaseHistoryKeepsRecentHistoriesTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    /** Remembers from which sequence number each read of an aggregate began. */
    private final List<Long> readsFrom = new ArrayList<>();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine() {
        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            readsFrom.add(firstSequenceNumber);
            return super.readEvents(aggregateIdentifier, firstSequenceNumber);
        }
    }).build();
    private final MutableClock clock = new MutableClock(START.plus(Duration.ofDays(1)));

    @Test
    void aReadAfterNewEventsAsksOnlyForThemAndGivesTheWholeHistory() {
        CaseHistory history = new CaseHistory(store, clock, 1000);
        CaseHistoryBuilder builder = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague();
        append(builder, 0);

        assertThat(history.read(builder.caseId(), null)).hasSize(2);
        builder.talkedToParents(true).askedVeiligThuis();
        append(builder, 2);
        List<RecordedCaseEvent> whole = fromTheStore(builder.caseId());
        readsFrom.clear();

        List<RecordedCaseEvent> read = history.read(builder.caseId(), null);
        assertThat(readsFrom).as("only the events after the kept history were read").containsExactly(2L);
        assertThat(read).isEqualTo(whole).hasSize(4);
        assertThat(history.read(builder.caseId(), null)).isEqualTo(whole);
        assertThat(readsFrom).containsExactly(2L, 4L);
        assertThat(history.read(builder.caseId(), START.plus(Duration.ofMinutes(15)))).extracting(RecordedCaseEvent::sequence)
                .containsExactly(0L, 1L);
    }

    @Test
    void anErasureMakesTheHistoryBeReadAgainFromItsFirstEventAndNotKeptWhileAReplicaMayHoldTheKey() {
        CaseHistory history = new CaseHistory(store, clock, 1000);
        CaseHistoryBuilder builder = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().noSuspicion()
                .closed(CaseOutcome.NO_SUSPICION);
        append(builder, 0);
        history.read(builder.caseId(), null);
        int closedEvents = builder.events().size();

        builder.textErasedAfterRetention();
        Instant erasedAt = START.plus(Duration.ofDays(2));
        store.publish(message(builder, closedEvents, erasedAt));
        clock.set(erasedAt.plusSeconds(1));
        List<RecordedCaseEvent> whole = fromTheStore(builder.caseId());
        readsFrom.clear();

        assertThat(history.read(builder.caseId(), null)).isEqualTo(whole).hasSize(closedEvents + 1);
        assertThat(readsFrom).as("the tail, then everything again").containsExactly((long) closedEvents, 0L);
        readsFrom.clear();
        history.read(builder.caseId(), null);
        assertThat(readsFrom).as("not kept within %s of the erasure", PersonalDataKeys.CACHED_FOR).containsExactly(0L);

        clock.set(erasedAt.plus(PersonalDataKeys.CACHED_FOR).plusSeconds(1));
        history.read(builder.caseId(), null);
        readsFrom.clear();
        history.read(builder.caseId(), null);
        assertThat(readsFrom).as("kept once every replica has forgotten the key").containsExactly(closedEvents + 1L);
    }

    @Test
    void theKeptHistoriesStayWithinTheirBoundTheLeastRecentlyReadGoingFirst() {
        CaseHistory history = new CaseHistory(store, clock, 6);
        CaseHistoryBuilder first = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true);
        CaseHistoryBuilder second = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true);
        CaseHistoryBuilder third = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true);
        CaseHistoryBuilder tooLong = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .askedVeiligThuis().consultedColleague().suspicionAndUnsafety();
        List.of(first, second, third, tooLong).forEach(builder -> append(builder, 0));

        history.read(first.caseId(), null);
        history.read(second.caseId(), null);
        history.read(first.caseId(), null); // second is now the least recently read
        history.read(third.caseId(), null);
        readsFrom.clear();
        history.read(first.caseId(), null);
        history.read(second.caseId(), null);
        assertThat(readsFrom).as("first kept, second forgotten").containsExactly(3L, 0L);

        history.read(tooLong.caseId(), null);
        readsFrom.clear();
        history.read(tooLong.caseId(), null);
        assertThat(readsFrom).as("a history longer than the bound is not kept").containsExactly(0L);
    }

    @Test
    void aCaseThatDoesNotExistIsNotFoundAndNothingIsKeptOfIt() {
        CaseHistory history = new CaseHistory(store, clock, 1000);
        assertThatThrownBy(() -> history.read("case-00000000-0000-0000-0000-000000000000", null)).isInstanceOf(AggregateNotFoundException.class);
        assertThatThrownBy(() -> history.read("case-00000000-0000-0000-0000-000000000000", null)).isInstanceOf(AggregateNotFoundException.class);
        assertThat(readsFrom).containsExactly(0L, 0L);
    }

    private List<RecordedCaseEvent> fromTheStore(String caseId) {
        return EventHistory.read(store, caseId, null, MeldcodeCaseEvent.class, RecordedCaseEvent::new);
    }

    /** Appends the builder's events from the given one on, ten minutes apart from the start. */
    private void append(CaseHistoryBuilder builder, int from) {
        for (int i = from; i < builder.events().size(); i++) {
            store.publish(message(builder, i, START.plus(Duration.ofMinutes(10L * i))));
        }
    }

    private static GenericDomainEventMessage<MeldcodeCaseEvent> message(CaseHistoryBuilder builder, int sequence, Instant at) {
        return new GenericDomainEventMessage<>("MeldcodeCase", builder.caseId(), sequence, builder.events().get(sequence), MetaData.emptyInstance(),
                builder.caseId() + "-event-" + sequence, at);
    }
}
