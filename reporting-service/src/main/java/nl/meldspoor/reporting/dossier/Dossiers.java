package nl.meldspoor.reporting.dossier;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.meldcase.fold.TimelineEntry;
import org.springframework.stereotype.Component;

/**
 * A case's dossier from its stored view: the state from the dossier kept in the view (nothing folded per request, only
 * the deadlines weighed against now) and the timeline from the history entries up to the sequence that dossier has
 * applied, so the two always describe the same history.
 */
@Component
public class Dossiers {

    private final CaseQueries cases;
    private final CaseEvents caseEvents;
    private final CaseDossiers dossiers;
    private final CaseStates states;

    public Dossiers(CaseQueries cases, CaseEvents caseEvents, CaseDossiers dossiers, CaseStates states) {
        this.cases = cases;
        this.caseEvents = caseEvents;
        this.dossiers = dossiers;
        this.states = states;
    }

    /** The dossier's timeline with the state at its end, as of now; empty when there is no such case. */
    public Optional<StoredTimeline> of(String caseId, Instant now) {
        return cases.byId(caseId).map(record -> {
            Optional<CaseDossier> stored = dossiers.of(record);
            if (stored.isPresent()) {
                List<RecordedCaseEvent> events = caseEvents.read(cases.history(caseId, stored.get().version()));
                CaseStateView state = states.view(stored.get(), now);
                return new StoredTimeline(caseId, null, state.version(), events.stream().map(TimelineEntry::of).toList(), state);
            }
            // a view of the older format, served until the rebuild started at startup switches: folded once more
            List<RecordedCaseEvent> events = caseEvents.read(cases.historyOfReadCase(caseId));
            CaseStateView state = states.view(CaseDossier.of(events), now);
            return new StoredTimeline(caseId, null, state.version(), events.stream().map(TimelineEntry::of).toList(), state);
        });
    }
}
