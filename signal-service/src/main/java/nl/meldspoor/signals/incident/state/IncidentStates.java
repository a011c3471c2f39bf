package nl.meldspoor.signals.incident.state;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.signals.incident.state.IncidentStateView.ClosureView;
import nl.meldspoor.signals.incident.state.IncidentStateView.MeldplichtView;
import nl.meldspoor.signals.incident.state.IncidentStateView.ParentsInformedView;
import nl.meldspoor.signals.incident.state.IncidentStateView.StepView;

/**
 * Derives an incident's state from its events with the same {@link IncidentFile} the aggregate uses,
 * so the views of an incident and the rules never disagree about where it stands.
 */
public final class IncidentStates {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Set<PartyRole> PUPILS = EnumSet.of(PartyRole.PUPIL_VICTIM, PartyRole.PUPIL_PERPETRATOR);

    private IncidentStates() {
    }

    /** @param events the incident's history in order; at least its recording */
    public static IncidentStateView view(List<RecordedIncidentEvent> events) {
        IncidentFile file = new IncidentFile();
        events.forEach(recorded -> file.apply(recorded.event()));
        IncidentReport report = file.report();
        return new IncidentStateView(
                file.incidentId(),
                events.get(events.size() - 1).sequence(),
                file.schoolId(),
                file.status(),
                report.type(),
                report.type().label(),
                report.severity(),
                file.track(),
                file.track().label(),
                file.meldplicht(),
                report.occurredAt(),
                report.firstKnownAt(),
                file.recordedAt(),
                file.recordedBy(),
                file.lastActivityAt(),
                report,
                file.parentsInformed().stream().map(informed -> parentsInformed(informed, report.firstKnownAt())).toList(),
                steps(file),
                file.meldplicht() ? meldplicht(file) : null,
                file.closure().map(closed -> new ClosureView(closed.occurredAt(), closed.actor(), closed.closure().conclusion())).orElse(null),
                nextSteps(file));
    }

    private static ParentsInformedView parentsInformed(ParentsInformed informed, Instant firstKnownAt) {
        boolean sameDay = informed.informedAt().atZone(AMSTERDAM).toLocalDate().equals(firstKnownAt.atZone(AMSTERDAM).toLocalDate());
        return new ParentsInformedView(informed.how(), informed.how().label(), informed.informedAt(), sameDay, informed.notes());
    }

    private static List<StepView> steps(IncidentFile file) {
        List<StepView> steps = new ArrayList<>();
        for (BullyingStepTaken taken : file.bullyingSteps()) {
            BullyingStep step = taken.details().step();
            steps.add(new StepView(step.name(), step.number(), step.label(), taken.details().takenAt(), taken.actor(),
                    taken.details().informed(), taken.details().notes(), null));
        }
        for (UnsafeBehaviourActionTaken taken : file.unsafeBehaviourActions()) {
            UnsafeBehaviourAction action = taken.details().action();
            steps.add(new StepView(action.name(), action.number(), action.label(), taken.details().takenAt(), taken.actor(),
                    taken.details().informed(), taken.details().notes(), null));
        }
        for (MeldplichtStepTaken taken : file.meldplichtSteps().values()) {
            MeldplichtStep step = taken.details().step();
            steps.add(new StepView(step.name(), step.number(), step.label(), taken.details().takenAt(), taken.actor(),
                    taken.details().informed(), taken.details().notes(), taken.minutesSinceFirstKnown()));
        }
        steps.sort(Comparator.comparing(StepView::takenAt));
        return List.copyOf(steps);
    }

    private static MeldplichtView meldplicht(IncidentFile file) {
        var board = file.meldplichtStep(MeldplichtStep.BOARD_INFORMED);
        var inspector = file.meldplichtStep(MeldplichtStep.INSPECTOR_CONSULTED);
        var decision = file.meldplichtStep(MeldplichtStep.POLICE_REPORT_DECIDED);
        var filed = file.meldplichtStep(MeldplichtStep.POLICE_REPORT_FILED);
        MeldplichtStep next = file.nextMeldplichtStep().orElse(null);
        return new MeldplichtView(
                takenAt(file, MeldplichtStep.BOARD_INFORMED),
                board.map(MeldplichtStepTaken::minutesSinceFirstKnown).orElse(null),
                takenAt(file, MeldplichtStep.INSPECTOR_CONSULTED),
                inspector.map(step -> step.details().reasonableSuspicion()).orElse(null),
                takenAt(file, MeldplichtStep.POLICE_REPORT_DECIDED),
                decision.map(step -> step.details().fileReport()).orElse(null),
                decision.map(step -> step.details().rationale()).orElse(null),
                takenAt(file, MeldplichtStep.PARTIES_INFORMED),
                takenAt(file, MeldplichtStep.POLICE_REPORT_FILED),
                filed.map(step -> step.details().policeReference()).orElse(null),
                next,
                next == null ? null : next.label(),
                file.meldplichtComplete());
    }

    private static Instant takenAt(IncidentFile file, MeldplichtStep step) {
        return file.meldplichtStep(step).map(taken -> taken.details().takenAt()).orElse(null);
    }

    private static List<String> nextSteps(IncidentFile file) {
        if (file.isClosed()) {
            return List.of();
        }
        List<String> next = new ArrayList<>();
        if (file.meldplicht()) {
            file.nextMeldplichtStep().ifPresentOrElse(
                    step -> next.add("Meldplicht: zet stap " + step.number() + " (" + step.label().toLowerCase() + ")"
                            + (step == MeldplichtStep.BOARD_INFORMED
                            ? "; wie het weet, meldt het direct aan het bestuur."
                            : "; dit doet de centrale contactpersoon van het bestuur.")),
                    () -> next.add("De meldplicht is doorlopen; het incident kan worden afgesloten."));
        }
        IncidentReport report = file.report();
        boolean pupilInvolved = report.parties().stream().anyMatch(party -> PUPILS.contains(party.role()));
        if (pupilInvolved && file.parentsInformed().isEmpty()) {
            next.add(report.severity() == Severity.SERIOUS
                    ? "Nodig de ouders uit voor een gesprek waarbij de directeur aansluit."
                    : "Breng de ouders dezelfde dag telefonisch op de hoogte.");
        } else if (pupilInvolved && report.severity() == Severity.SERIOUS
                && file.parentsInformed().stream().noneMatch(informed -> informed.how() == ParentContactMethod.MEETING_WITH_PRINCIPAL)) {
            next.add("Na een groter incident worden de ouders uitgenodigd voor een gesprek waarbij de directeur aansluit.");
        }
        switch (file.track()) {
            case BULLYING -> {
                EnumSet<BullyingStep> taken = file.bullyingSteps().stream().map(step -> step.details().step())
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(BullyingStep.class)));
                String open = EnumSet.complementOf(taken).stream()
                        .map(step -> "stap " + step.number() + " (" + step.label().toLowerCase() + ")")
                        .collect(Collectors.joining(", "));
                if (!open.isEmpty()) {
                    next.add("Vijfstappenaanpak, nog niet gezet: " + open + ". Houd na elke stap ouders, directie en gedragscoördinator op de hoogte.");
                }
            }
            case UNSAFE_BEHAVIOUR -> {
                if (file.unsafeBehaviourActions().isEmpty()) {
                    next.add("Leg vast welke actie de school neemt (actie 1 tot en met 5) en wie daarover is geïnformeerd.");
                }
            }
            case MELDPLICHT -> {
                // the meldplicht's next step is named above
            }
        }
        return List.copyOf(next);
    }
}
