package nl.meldspoor.reporting.dashboard.counters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.reporting.incident.IncidentProgress;
import nl.meldspoor.reporting.meldcase.CaseProgress;
import nl.meldspoor.reporting.meldcase.StepDates;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The counters' own fold of one aggregate (a case, a pupil's file, an incident): the little its contributions are
 * derived from — the same incremental progress the case and incident views keep, never the events or their texts —
 * the sequence it has applied (so a redelivered event changes nothing), events that came after a gap (only while
 * they wait), and every school month it has ever contributed to (so a contribution that moves is taken out of its
 * old month). Its size does not grow with the aggregate's history beyond a few dates per advice, report or help.
 */
@Document(CounterSource.COLLECTION)
class CounterSource {

    static final String COLLECTION = "dashboard_counter_sources";

    /** One signal of a pupil's file as counted: no text, no pupil. */
    record SignalMark(String signalId, String schoolId, Instant recordedAt, SignalCategory category, boolean urgent, boolean escalated) {
    }

    @Id
    private String aggregateId;
    private long appliedSequence = -1;
    private List<StoredEvent> waiting = new ArrayList<>();
    private List<String> months = new ArrayList<>();
    // a case
    private CaseProgress progress;
    private StepDates reached;
    private List<Instant> advice;
    private List<Instant> reports;
    private List<Instant> help;
    // a pupil's file
    private List<SignalMark> signals;
    // an incident
    private IncidentProgress incident;

    protected CounterSource() {
    }

    CounterSource(String aggregateId) {
        this.aggregateId = aggregateId;
    }

    String aggregateId() {
        return aggregateId;
    }

    long appliedSequence() {
        return appliedSequence;
    }

    void applied(long sequence) {
        appliedSequence = sequence;
    }

    /** Holds an event that came after a gap, once. */
    void hold(StoredEvent event) {
        if (waiting.stream().noneMatch(held -> held.sequence() == event.sequence())) {
            waiting.add(event);
        }
    }

    /** The held event that follows on now, if any; taken out of the waiting ones (as are any already applied). */
    StoredEvent nextWaiting() {
        waiting.removeIf(held -> held.sequence() <= appliedSequence);
        waiting.sort(Comparator.comparingLong(StoredEvent::sequence));
        if (!waiting.isEmpty() && waiting.get(0).sequence() == appliedSequence + 1) {
            return waiting.remove(0);
        }
        return null;
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /** The school months contributed to now and before ({@code schoolId|yyyy-MM}). */
    Set<String> contributedTo(Set<String> now) {
        Set<String> all = new LinkedHashSet<>(months);
        all.addAll(now);
        months = new ArrayList<>(all);
        return all;
    }

    CaseProgress caseProgress() {
        if (progress == null) {
            progress = new CaseProgress();
            reached = StepDates.none();
            advice = new ArrayList<>();
            reports = new ArrayList<>();
            help = new ArrayList<>();
        }
        return progress;
    }

    StepDates reached() {
        return reached;
    }

    void reached(StepDates reached) {
        this.reached = reached;
    }

    List<Instant> advice() {
        return advice;
    }

    List<Instant> reports() {
        return reports;
    }

    List<Instant> help() {
        return help;
    }

    List<SignalMark> signals() {
        if (signals == null) {
            signals = new ArrayList<>();
        }
        return signals;
    }

    IncidentProgress incident() {
        if (incident == null) {
            incident = new IncidentProgress();
        }
        return incident;
    }
}
