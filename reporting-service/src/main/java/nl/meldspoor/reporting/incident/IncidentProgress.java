package nl.meldspoor.reporting.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.api.incident.IncidentStatus;

/**
 * The little an incident's register line needs to stay derivable per event — which protocol steps were taken,
 * the first time the parents were told, the meldplicht's progress — with the same meaning as the incident's own
 * state. Stored inside the incident's view and updated from itself and one event.
 */
public class IncidentProgress {

    String incidentId;
    String schoolId;
    Instant occurredAt;
    Instant firstKnownAt;
    Instant recordedAt;
    String recordedBy;
    nl.meldspoor.api.incident.IncidentType type;
    nl.meldspoor.api.incident.Severity severity;
    boolean policeInvolved;
    ProtocolTrack track;
    ParentsInformed firstParentsInformed;
    List<BullyingStep> bullyingStepsTaken = new ArrayList<>();
    int bullyingSteps;
    int unsafeBehaviourActions;
    List<MeldplichtStep> meldplichtStepsTaken = new ArrayList<>();
    Boolean fileReportDecided;
    Integer minutesToBoard;
    Instant closedAt;

    /** Folds in the next event of the incident; public so that other views (the dashboard counters) keep the same fold. */
    public void apply(IncidentEvent event) {
        if (event instanceof IncidentRecorded e) {
            incidentId = e.incidentId();
            schoolId = e.schoolId();
            occurredAt = e.report().occurredAt();
            firstKnownAt = e.report().firstKnownAt();
            type = e.report().type();
            severity = e.report().severity();
            policeInvolved = e.report().policeInvolved();
            track = e.track();
            recordedAt = e.occurredAt();
            recordedBy = e.actor() == null ? null : e.actor().personId();
            informed(e.report().parentsInformed());
        } else if (event instanceof ParentsInformedOfIncident e) {
            informed(e.parentsInformed());
        } else if (event instanceof BullyingStepTaken e) {
            bullyingSteps++;
            if (!bullyingStepsTaken.contains(e.details().step())) {
                bullyingStepsTaken.add(e.details().step());
            }
        } else if (event instanceof UnsafeBehaviourActionTaken) {
            unsafeBehaviourActions++;
        } else if (event instanceof MeldplichtStepTaken e) {
            MeldplichtStep step = e.details().step();
            if (!meldplichtStepsTaken.contains(step)) {
                meldplichtStepsTaken.add(step);
            }
            if (step == MeldplichtStep.BOARD_INFORMED) {
                minutesToBoard = e.minutesSinceFirstKnown();
            } else if (step == MeldplichtStep.POLICE_REPORT_DECIDED) {
                fileReportDecided = e.details().fileReport();
            }
        } else if (event instanceof IncidentClosed e) {
            closedAt = e.occurredAt();
        }
    }

    /** Whether the incident has been recorded (a history without its recording counts nowhere). */
    public boolean recorded() {
        return type != null;
    }

    public String schoolId() {
        return schoolId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public nl.meldspoor.api.incident.IncidentType type() {
        return type;
    }

    public nl.meldspoor.api.incident.Severity severity() {
        return severity;
    }

    public boolean meldplicht() {
        return track == ProtocolTrack.MELDPLICHT;
    }

    private void informed(ParentsInformed informed) {
        if (firstParentsInformed == null && informed != null) {
            firstParentsInformed = informed;
        }
    }

    IncidentLine line() {
        boolean meldplicht = track == ProtocolTrack.MELDPLICHT;
        return new IncidentLine(incidentId, schoolId, occurredAt, firstKnownAt, recordedAt, type, severity, track, meldplicht,
                closedAt == null ? IncidentStatus.OPEN : IncidentStatus.CLOSED, protocolStatus(),
                bullyingSteps + unsafeBehaviourActions + meldplichtStepsTaken.size(),
                firstParentsInformed == null ? null : firstParentsInformed.how(),
                firstParentsInformed == null ? null : firstParentsInformed.informedAt(), policeInvolved, minutesToBoard, closedAt);
    }

    private ProtocolStatus protocolStatus() {
        return switch (track) {
            case MELDPLICHT -> meldplichtComplete() ? ProtocolStatus.COMPLETE
                    : meldplichtStepsTaken.isEmpty() ? ProtocolStatus.NOT_STARTED : ProtocolStatus.IN_PROGRESS;
            case BULLYING -> bullyingStepsTaken.size() == BullyingStep.values().length ? ProtocolStatus.COMPLETE
                    : bullyingStepsTaken.isEmpty() ? ProtocolStatus.NOT_STARTED : ProtocolStatus.IN_PROGRESS;
            case UNSAFE_BEHAVIOUR -> unsafeBehaviourActions == 0 ? ProtocolStatus.NOT_STARTED
                    : closedAt != null ? ProtocolStatus.COMPLETE : ProtocolStatus.IN_PROGRESS;
        };
    }

    /** As the incident's own state: the parties informed and, when the board decided to, the police report filed. */
    private boolean meldplichtComplete() {
        if (!meldplichtStepsTaken.contains(MeldplichtStep.PARTIES_INFORMED)) {
            return false;
        }
        // the latest step is the highest taken (the steps are kept in their order)
        MeldplichtStep last = EnumSet.copyOf(meldplichtStepsTaken).stream().reduce((earlier, later) -> later).orElseThrow();
        if (last == MeldplichtStep.PARTIES_INFORMED && !Boolean.TRUE.equals(fileReportDecided)) {
            return true;
        }
        return last.next().isEmpty();
    }
}
