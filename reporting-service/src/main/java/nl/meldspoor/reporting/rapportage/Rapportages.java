package nl.meldspoor.reporting.rapportage;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.reporting.meldcase.fold.CaseDossier;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import nl.meldspoor.reporting.meldcase.fold.CaseStateView;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.rapportage.Rapportage.Concern;
import nl.meldspoor.reporting.rapportage.Rapportage.StepReport;

/**
 * Generates the rapportage meldcode of a case from its stored dossier and the documentation check its view keeps per
 * event: nothing of the history is read or folded per request.
 */
public final class Rapportages {

    private final CaseStates states;

    public Rapportages(CaseStates states) {
        this.states = states;
    }

    public Rapportage of(CaseDossier dossier, Documentation documentation, Instant now) {
        CaseStateView state = states.view(dossier, now);
        List<StepReport> steps = documentation.steps().stream()
                .map(step -> new StepReport(step.step(), step.name(), step.status(), step.missing(), step.toDo(), dossier.entries(step.step())))
                .toList();
        return new Rapportage(state.caseId(), state.schoolId(), state.pupilRef(), state.status().name(),
                state.closure() == null ? null : state.closure().outcome().name(), state.openedAt(),
                state.closure() == null ? null : state.lastActivityAt(), concern(dossier.file(), dossier.concern()), steps,
                dossier.consultations(), state.decisions(), state.reports(), documentation);
    }

    private static Concern concern(CaseFile file, String description) {
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
        return new Concern(description, categories, flags, file.signals().size(), first, last);
    }
}
