package nl.meldspoor.reporting.incident.fold;

import java.util.EnumSet;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.reporting.incident.IncidentLine;
import nl.meldspoor.reporting.incident.ProtocolStatus;

/**
 * THE OLD COMPUTATION, kept only as the tests' reference: the register line from the incident's whole state, as the
 * signal-service's fold sees it (how the read side derived it before it stored views per event).
 */
public final class OldIncidentLines {

    private OldIncidentLines() {
    }

    public static IncidentLine line(IncidentFile file) {
        ParentsInformed first = file.parentsInformed().isEmpty() ? null : file.parentsInformed().get(0);
        int steps = file.bullyingSteps().size() + file.unsafeBehaviourActions().size() + file.meldplichtSteps().size();
        Integer minutesToBoard = file.meldplichtStep(MeldplichtStep.BOARD_INFORMED)
                .map(step -> step.minutesSinceFirstKnown()).orElse(null);
        return new IncidentLine(file.incidentId(), file.schoolId(), file.report().occurredAt(), file.firstKnownAt(), file.recordedAt(),
                file.report().type(), file.report().severity(), file.track(), file.meldplicht(), file.status(), protocolStatus(file),
                steps, first == null ? null : first.how(), first == null ? null : first.informedAt(), file.report().policeInvolved(),
                minutesToBoard, file.closure().map(closed -> closed.occurredAt()).orElse(null));
    }

    static ProtocolStatus protocolStatus(IncidentFile file) {
        return switch (file.track()) {
            case MELDPLICHT -> file.meldplichtComplete() ? ProtocolStatus.COMPLETE
                    : file.meldplichtSteps().isEmpty() ? ProtocolStatus.NOT_STARTED : ProtocolStatus.IN_PROGRESS;
            case BULLYING -> {
                EnumSet<BullyingStep> taken = EnumSet.noneOf(BullyingStep.class);
                file.bullyingSteps().forEach(step -> taken.add(step.details().step()));
                yield taken.size() == BullyingStep.values().length ? ProtocolStatus.COMPLETE
                        : taken.isEmpty() ? ProtocolStatus.NOT_STARTED : ProtocolStatus.IN_PROGRESS;
            }
            case UNSAFE_BEHAVIOUR -> file.unsafeBehaviourActions().isEmpty() ? ProtocolStatus.NOT_STARTED
                    : file.isClosed() ? ProtocolStatus.COMPLETE : ProtocolStatus.IN_PROGRESS;
        };
    }
}
