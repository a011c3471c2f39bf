package nl.meldspoor.casework.meldcase.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.platform.eventstore.EventHistory;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

/**
 * A timeline or state as of a past moment is taken from the history read once: exactly the events, and the refusal, that
 * reading the store as of that moment gives — also where two events share a moment or the store's order and the moments
 * disagree (an event recorded with an earlier moment after a later one: the history as of a moment ends at the first
 * event recorded after it).
 */
class CaseHistoryAsOfTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final CaseHistory history = new CaseHistory(store, Clock.systemUTC(), 1000);

    @Test
    void theHistoryAsOfAnyMomentIsWhatReadingTheStoreAsOfThatMomentGives() {
        CaseHistoryBuilder builder = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .askedVeiligThuis().consultedColleague().suspicionAndUnsafety();
        List<MeldcodeCaseEvent> events = builder.events();
        // moments: 0, 10, 10 (shared), 30, 20 (out of order), 40 … minutes after the start
        long[] minutes = {0, 10, 10, 30, 20, 40, 50, 60, 70, 80, 90, 100};
        List<Instant> moments = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            Instant at = START.plus(Duration.ofMinutes(minutes[Math.min(i, minutes.length - 1)] + Math.max(0, i - minutes.length + 1) * 10L));
            moments.add(at);
            store.publish(new GenericDomainEventMessage<>("MeldcodeCase", builder.caseId(), i, events.get(i), MetaData.emptyInstance(),
                    "event-" + i, at));
        }
        List<RecordedCaseEvent> all = history.read(builder.caseId(), null);
        assertThat(all).hasSize(events.size());

        List<Instant> probes = new ArrayList<>(List.of(START.minusMillis(1), START.plusMillis(1), START.plus(Duration.ofMinutes(25)),
                START.plus(Duration.ofDays(365))));
        for (Instant moment : moments) {
            probes.add(moment);
            probes.add(moment.minusMillis(1));
        }
        for (Instant asOf : probes) {
            List<RecordedCaseEvent> fromTheStore;
            try {
                fromTheStore = EventHistory.read(store, builder.caseId(), asOf, MeldcodeCaseEvent.class, RecordedCaseEvent::new);
            } catch (AggregateNotFoundException notYet) {
                assertThatThrownBy(() -> history.asOf(builder.caseId(), all, asOf)).as("as of %s", asOf)
                        .isInstanceOf(AggregateNotFoundException.class).hasMessage(notYet.getMessage());
                continue;
            }
            assertThat(history.asOf(builder.caseId(), all, asOf)).as("as of %s", asOf).isEqualTo(fromTheStore);
        }
        assertThat(history.asOf(builder.caseId(), all, START.plus(Duration.ofMinutes(25)))).as("ends before the event at 30 minutes")
                .extracting(RecordedCaseEvent::sequence).containsExactly(0L, 1L, 2L);
        assertThat(history.asOf(builder.caseId(), all, null)).isSameAs(all);
    }
}
