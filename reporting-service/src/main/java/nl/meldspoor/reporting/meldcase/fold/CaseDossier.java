package nl.meldspoor.reporting.meldcase.fold;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.reporting.rapportage.Rapportage.Consultation;
import nl.meldspoor.reporting.rapportage.Rapportage.Entry;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.DecisionView;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView.ReportView;

/**
 * What the dossier shows of a case, kept per event: the case's {@link CaseFile} and the reports and decisions
 * collected so far, up to the sequence it has applied. The read model stores it (as JSON) inside the case's view and
 * updates it from itself and the one next event, so a dossier request reads one document and folds nothing;
 * {@link CaseStates#view(CaseDossier, java.time.Instant)} turns it into the state of a moment.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
public final class CaseDossier {

    private CaseFile file = new CaseFile();
    private ArrayList<ReportView> reports = new ArrayList<>();
    private ArrayList<DecisionView> decisions = new ArrayList<>();
    private long version = -1;
    /** For the rapportage: the concern as opened, the dated lines of each step and the consultations. */
    private String concern;
    private ArrayList<StepEntry> stepEntries = new ArrayList<>();
    private ArrayList<Consultation> consultations = new ArrayList<>();

    /** A dated line of what was done in a step of the meldcode. */
    public record StepEntry(int step, Entry entry) {
    }

    /** The dossier folded from a whole history: for the (rare) view that was stored before dossiers were. */
    public static CaseDossier of(List<nl.meldspoor.api.meldcase.RecordedCaseEvent> events) {
        CaseDossier dossier = new CaseDossier();
        events.forEach(recorded -> dossier.apply(recorded.sequence(), recorded.event()));
        return dossier;
    }

    /** Applies the event with this sequence number: the next one of the case. */
    public void apply(long sequence, MeldcodeCaseEvent event) {
        file.apply(event);
        collectReport(event);
        collectDecision(event);
        collectForRapportage(event);
        version = sequence;
    }

    private void collectForRapportage(MeldcodeCaseEvent event) {
        if (event instanceof CaseOpened opened && concern == null) {
            concern = opened.opening().concern();
        }
        MeldcodeStep.workedOn(event).ifPresent(step ->
                stepEntries.add(new StepEntry(step, new Entry(event.occurredAt(), event.actor().role().name(), CaseEventSummaries.summarize(event)))));
        // the colleague's capacity and the expert's description are sealed texts: each stays a field of its own
        if (event instanceof ColleagueConsulted e) {
            consultations.add(new Consultation(e.consultation().consultedAt(), "Collega", e.consultation().colleagueCapacity(), false, null));
        } else if (event instanceof VeiligThuisConsulted e) {
            consultations.add(new Consultation(e.consultation().consultedAt(), "Veilig Thuis", "Veilig Thuis", e.consultation().anonymous(),
                    e.consultation().adviceGiven()));
        } else if (event instanceof ExpertConsulted e) {
            consultations.add(new Consultation(e.consultation().consultedAt(), "Deskundige", e.consultation().expertDescription(),
                    !e.consultation().pupilIdentifiable(), e.consultation().adviceGiven()));
        }
    }

    private void collectReport(MeldcodeCaseEvent event) {
        if (event instanceof ReportRecorded e) {
            reports.add(new ReportView(e.report().reportedAt(), e.report().veiligThuisReference(), e.meldnorm(),
                    e.onBehalfOfPrincipalId(), e.report().reporterAnonymityRequested(), null));
        } else if (event instanceof VeiligThuisFeedbackRecorded e && !reports.isEmpty()) {
            ReportView last = reports.remove(reports.size() - 1);
            reports.add(new ReportView(last.reportedAt(), last.veiligThuisReference(), last.meldnorm(), last.onBehalfOfPrincipalId(),
                    last.reporterAnonymityRequested(), e.feedback().decision()));
        }
    }

    private void collectDecision(MeldcodeCaseEvent event) {
        String rationale;
        if (event instanceof ConcernsWeighed e) {
            rationale = e.weighing().rationale();
        } else if (event instanceof ReportDecided e) {
            rationale = e.decision().rationale();
        } else if (event instanceof ReportDecisionApproved e) {
            rationale = e.approval().remarks();
        } else if (event instanceof ReportDecisionSentBack e) {
            rationale = e.sendBack().reason();
        } else if (event instanceof HelpEvaluated e) {
            rationale = e.evaluation().evaluation();
        } else if (event instanceof CaseClosed e) {
            rationale = e.closure().conclusion();
        } else {
            return;
        }
        decisions.add(new DecisionView(event.occurredAt(), event.actor(), event.getClass().getSimpleName(),
                CaseEventSummaries.summarize(event), rationale));
    }

    public CaseFile file() {
        return file;
    }

    /** The sequence number of the last event applied; -1 before the first. */
    public long version() {
        return version;
    }

    /** The concern as described when the case was opened. */
    public String concern() {
        return concern;
    }

    /** The dated lines of one step (1 to 5), in order. */
    public List<Entry> entries(int step) {
        return stepEntries.stream().filter(entry -> entry.step() == step).map(StepEntry::entry).toList();
    }

    public List<Consultation> consultations() {
        return List.copyOf(consultations);
    }

    public List<ReportView> reports() {
        return List.copyOf(reports);
    }

    public List<DecisionView> decisions() {
        return List.copyOf(decisions);
    }
}
