package nl.meldspoor.reporting.incident.fold;

import nl.meldspoor.api.incident.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;

/**
 * THE OLD COMPUTATION, kept only as the tests' reference (the register keeps {@code IncidentProgress} per event): the
 * state of an incident as its published events made it, as the reporting-service's incident register read it.
 * The signal-service keeps its aggregate's own state.
 */
public final class IncidentFile {

    private String incidentId;
    private String schoolId;
    private IncidentReport report;
    private ProtocolTrack track;
    private Instant recordedAt;
    private Actor recordedBy;
    private Instant lastActivityAt;
    private final List<ParentsInformed> parentsInformed = new ArrayList<>();
    private final List<BullyingStepTaken> bullyingSteps = new ArrayList<>();
    private final List<UnsafeBehaviourActionTaken> unsafeBehaviourActions = new ArrayList<>();
    private final Map<MeldplichtStep, MeldplichtStepTaken> meldplichtSteps = new EnumMap<>(MeldplichtStep.class);
    private IncidentClosed closed;
    private boolean textErased;

    public void apply(IncidentEvent event) {
        if (event instanceof IncidentTextErased) {
            textErased = true;
            return;
        }
        lastActivityAt = event.occurredAt();
        if (event instanceof IncidentRecorded e) {
            incidentId = e.incidentId();
            schoolId = e.schoolId();
            report = e.report();
            track = e.track();
            recordedAt = e.occurredAt();
            recordedBy = e.actor();
            if (e.report().parentsInformed() != null) {
                parentsInformed.add(e.report().parentsInformed());
            }
        } else if (event instanceof ParentsInformedOfIncident e) {
            parentsInformed.add(e.parentsInformed());
        } else if (event instanceof BullyingStepTaken e) {
            bullyingSteps.add(e);
        } else if (event instanceof UnsafeBehaviourActionTaken e) {
            unsafeBehaviourActions.add(e);
        } else if (event instanceof MeldplichtStepTaken e) {
            meldplichtSteps.put(e.details().step(), e);
        } else if (event instanceof IncidentClosed e) {
            closed = e;
        }
    }

    public String incidentId() {
        return incidentId;
    }

    public String schoolId() {
        return schoolId;
    }

    public IncidentReport report() {
        return report;
    }

    public ProtocolTrack track() {
        return track;
    }

    public boolean meldplicht() {
        return track == ProtocolTrack.MELDPLICHT;
    }

    /** When the school first learned of the incident. */
    public Instant firstKnownAt() {
        return report.firstKnownAt();
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public Actor recordedBy() {
        return recordedBy;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public IncidentStatus status() {
        return closed == null ? IncidentStatus.OPEN : IncidentStatus.CLOSED;
    }

    public boolean isClosed() {
        return closed != null;
    }

    /** Whether the incident's free text was erased after its retention period. */
    public boolean isTextErased() {
        return textErased;
    }

    public Optional<IncidentClosed> closure() {
        return Optional.ofNullable(closed);
    }

    /** Every time the parents were told, including at recording. */
    public List<ParentsInformed> parentsInformed() {
        return Collections.unmodifiableList(parentsInformed);
    }

    public List<BullyingStepTaken> bullyingSteps() {
        return Collections.unmodifiableList(bullyingSteps);
    }

    public List<UnsafeBehaviourActionTaken> unsafeBehaviourActions() {
        return Collections.unmodifiableList(unsafeBehaviourActions);
    }

    /** The meldplicht steps taken, in their order. */
    public Map<MeldplichtStep, MeldplichtStepTaken> meldplichtSteps() {
        return Collections.unmodifiableMap(meldplichtSteps);
    }

    public Optional<MeldplichtStepTaken> meldplichtStep(MeldplichtStep step) {
        return Optional.ofNullable(meldplichtSteps.get(step));
    }

    /** The latest meldplicht step taken, if any. */
    public Optional<MeldplichtStepTaken> lastMeldplichtStep() {
        return meldplichtSteps.values().stream().reduce((earlier, later) -> later);
    }

    /** What the inspector established, once consulted. */
    public Optional<Boolean> reasonableSuspicion() {
        return meldplichtStep(MeldplichtStep.INSPECTOR_CONSULTED).map(step -> step.details().reasonableSuspicion());
    }

    /** The board's decision on a police report, once taken. */
    public Optional<Boolean> fileReportDecided() {
        return meldplichtStep(MeldplichtStep.POLICE_REPORT_DECIDED).map(step -> step.details().fileReport());
    }

    /**
     * The meldplicht step due next: none for other tracks, and none after the parties were informed
     * when the board decided not to file a police report or once it was filed.
     */
    public Optional<MeldplichtStep> nextMeldplichtStep() {
        if (!meldplicht()) {
            return Optional.empty();
        }
        Optional<MeldplichtStepTaken> last = lastMeldplichtStep();
        if (last.isEmpty()) {
            return Optional.of(MeldplichtStep.BOARD_INFORMED);
        }
        MeldplichtStep lastStep = last.get().details().step();
        if (lastStep == MeldplichtStep.PARTIES_INFORMED && !fileReportDecided().orElse(false)) {
            return Optional.empty();
        }
        return lastStep.next();
    }

    /** The meldplicht was followed to its end: the parties informed and, when decided, the report filed. */
    public boolean meldplichtComplete() {
        return meldplichtSteps.containsKey(MeldplichtStep.PARTIES_INFORMED) && nextMeldplichtStep().isEmpty();
    }
}
