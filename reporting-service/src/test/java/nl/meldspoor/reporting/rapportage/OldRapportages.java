package nl.meldspoor.reporting.rapportage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import nl.meldspoor.reporting.meldcase.fold.CaseEventSummaries;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;
import nl.meldspoor.reporting.meldcase.fold.OldCaseStates;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.reporting.rapportage.Rapportage.Concern;
import nl.meldspoor.reporting.rapportage.Rapportage.Consultation;
import nl.meldspoor.reporting.rapportage.Rapportage.Entry;
import nl.meldspoor.reporting.rapportage.Rapportage.StepReport;

/** THE OLD COMPUTATION, kept only as the tests' reference: the rapportage folded from the whole history per request. */
public final class OldRapportages {

    private final OldCaseStates states;

    public OldRapportages(OldCaseStates states) {
        this.states = states;
    }

    public Rapportage of(List<RecordedCaseEvent> history, Instant now) {
        List<MeldcodeCaseEvent> events = history.stream().map(RecordedCaseEvent::event).toList();
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        CaseStateView state = states.view(history, now);
        Documentation documentation = DocumentationCheck.of(file, events);
        List<StepReport> steps = documentation.steps().stream()
                .map(step -> new StepReport(step.step(), step.name(), step.status(), step.missing(), step.toDo(), entries(events, step.step())))
                .toList();
        return new Rapportage(state.caseId(), state.schoolId(), state.pupilRef(), state.status().name(),
                state.closure() == null ? null : state.closure().outcome().name(), state.openedAt(),
                state.closure() == null ? null : state.lastActivityAt(), concern(file, events), steps, consultations(events),
                state.decisions(), state.reports(), documentation);
    }

    private static Concern concern(CaseFile file, List<MeldcodeCaseEvent> events) {
        Set<SignalCategory> categories = EnumSet.noneOf(SignalCategory.class);
        Set<SignalFlag> flags = EnumSet.noneOf(SignalFlag.class);
        Instant first = null;
        Instant last = null;
        for (var signal : file.signals()) {
            categories.add(signal.content().category());
            flags.addAll(signal.content().flags());
            Instant observed = signal.content().observedAt();
            first = first == null || observed.isBefore(first) ? observed : first;
            last = last == null || observed.isAfter(last) ? observed : last;
        }
        String description = events.stream().filter(CaseOpened.class::isInstance).map(CaseOpened.class::cast)
                .map(opened -> opened.opening().concern()).findFirst().orElse(null);
        return new Concern(description, categories, flags, file.signals().size(), first, last);
    }

    private static List<Entry> entries(List<MeldcodeCaseEvent> events, int step) {
        return events.stream()
                .filter(event -> MeldcodeStep.workedOn(event).equals(OptionalInt.of(step)))
                .map(event -> new Entry(event.occurredAt(), event.actor().role().name(), CaseEventSummaries.summarize(event)))
                .toList();
    }

    /** The colleague's capacity and the expert's description are sealed texts: each stays a field of its own so the opener can open it. */
    private static List<Consultation> consultations(List<MeldcodeCaseEvent> events) {
        List<Consultation> consultations = new ArrayList<>();
        for (MeldcodeCaseEvent event : events) {
            if (event instanceof ColleagueConsulted e) {
                consultations.add(new Consultation(e.consultation().consultedAt(), "Collega", e.consultation().colleagueCapacity(), false, null));
            } else if (event instanceof VeiligThuisConsulted e) {
                consultations.add(new Consultation(e.consultation().consultedAt(), "Veilig Thuis", "Veilig Thuis", e.consultation().anonymous(), e.consultation().adviceGiven()));
            } else if (event instanceof ExpertConsulted e) {
                consultations.add(new Consultation(e.consultation().consultedAt(), "Deskundige", e.consultation().expertDescription(),
                        !e.consultation().pupilIdentifiable(), e.consultation().adviceGiven()));
            }
        }
        return consultations;
    }
}
