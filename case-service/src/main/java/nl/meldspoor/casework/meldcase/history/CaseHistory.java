package nl.meldspoor.casework.meldcase.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.CaseServiceProperties;
import nl.meldspoor.platform.eventstore.EventHistory;
import nl.meldspoor.platform.privacy.PersonalDataKeys;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads a case's history from the event store, in order, up to any past moment. The histories of the cases read last
 * are kept as read, and a read asks the store only for the events recorded after them: a long case's timeline is not
 * read and opened again per request. Events never change, only their texts' readability: a history in which the texts
 * were erased is read again from its first event, and not kept while another replica may still hold the erased key
 * ({@link PersonalDataKeys#CACHED_FOR}).
 */
@Component
public class CaseHistory {

    private final EventStore eventStore;
    private final Clock clock;
    private final RecentHistories recent;

    @Autowired
    public CaseHistory(EventStore eventStore, Clock clock, CaseServiceProperties properties) {
        this(eventStore, clock, properties.historyCacheEvents());
    }

    /** @param cachedEvents how many events the kept histories hold in all (0: none kept) */
    public CaseHistory(EventStore eventStore, Clock clock, int cachedEvents) {
        this.eventStore = eventStore;
        this.clock = clock;
        this.recent = new RecentHistories(cachedEvents);
    }

    /**
     * @param asOf only what had been recorded at this moment, or {@code null} for everything
     * @throws AggregateNotFoundException when the case did not exist (yet)
     */
    public List<RecordedCaseEvent> read(String caseId, Instant asOf) {
        return asOf(caseId, whole(caseId), asOf);
    }

    private List<RecordedCaseEvent> whole(String caseId) {
        List<RecordedCaseEvent> known = recent.get(caseId);
        long next = known == null ? 0 : known.get(known.size() - 1).sequence() + 1;
        List<RecordedCaseEvent> later = readFrom(caseId, next);
        if (known != null && later.isEmpty()) {
            return known;
        }
        List<RecordedCaseEvent> whole;
        if (known == null) {
            whole = later;
        } else if (later.stream().anyMatch(recorded -> recorded.event() instanceof CaseTextErased)) {
            whole = readFrom(caseId, 0); // the texts read before are erased now
        } else {
            whole = new ArrayList<>(known.size() + later.size());
            whole.addAll(known);
            whole.addAll(later);
        }
        if (whole.isEmpty()) {
            throw new AggregateNotFoundException(caseId, "No " + MeldcodeCaseEvent.class.getSimpleName() + " recorded for " + caseId);
        }
        whole = List.copyOf(whole);
        if (erasedLately(whole)) {
            recent.forget(caseId);
        } else {
            recent.put(caseId, whole);
        }
        return whole;
    }

    private List<RecordedCaseEvent> readFrom(String caseId, long firstSequence) {
        return EventHistory.readFrom(eventStore, caseId, firstSequence, MeldcodeCaseEvent.class, RecordedCaseEvent::new);
    }

    /** Whether the texts were erased so lately that a replica may still open them with the key it holds. */
    private boolean erasedLately(List<RecordedCaseEvent> history) {
        Instant keysCachedSince = clock.instant().minus(PersonalDataKeys.CACHED_FOR);
        return history.stream().anyMatch(recorded -> recorded.event() instanceof CaseTextErased && recorded.recordedAt().isAfter(keysCachedSince));
    }

    /**
     * What {@link #read} gives for {@code asOf}, taken from the whole history read before, so that a request about the
     * past reads the store once: the events in order up to the first one recorded after that moment.
     *
     * @param all the case's whole history, as {@code read(caseId, null)} gave it
     * @throws AggregateNotFoundException when the case did not exist yet at that moment
     */
    public List<RecordedCaseEvent> asOf(String caseId, List<RecordedCaseEvent> all, Instant asOf) {
        if (asOf == null) {
            return all;
        }
        int known = 0;
        while (known < all.size() && !all.get(known).recordedAt().isAfter(asOf)) {
            known++;
        }
        if (known == 0) {
            throw new AggregateNotFoundException(caseId, "No " + MeldcodeCaseEvent.class.getSimpleName() + " recorded for " + caseId + " at " + asOf);
        }
        return all.subList(0, known);
    }
}
