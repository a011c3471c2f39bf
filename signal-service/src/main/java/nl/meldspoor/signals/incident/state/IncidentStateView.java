package nl.meldspoor.signals.incident.state;

import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.IncidentStatus;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;

/**
 * An incident as its events made it, at one moment: what happened, the protocol it follows, the
 * steps taken with their dates and who was informed, and what is expected next.
 *
 * @param meldplichtTrack only for a meldplicht incident: each step's moment and the time from first
 *                        knowledge to the board's notification
 * @param nextSteps       in Dutch, what the protocol expects next
 */
public record IncidentStateView(
        String incidentId,
        long version,
        String schoolId,
        IncidentStatus status,
        IncidentType type,
        String typeLabel,
        Severity severity,
        ProtocolTrack track,
        String trackLabel,
        boolean meldplicht,
        Instant occurredAt,
        Instant firstKnownAt,
        Instant recordedAt,
        Actor recordedBy,
        Instant lastActivityAt,
        IncidentReport report,
        List<ParentsInformedView> parentsInformed,
        List<StepView> steps,
        MeldplichtView meldplichtTrack,
        ClosureView closure,
        List<String> nextSteps) {

    /**
     * @param sameDayAsKnown whether the parents were told on the day the school learned of it
     *                       (Europe/Amsterdam)
     */
    public record ParentsInformedView(ParentContactMethod how, String howLabel, Instant informedAt, boolean sameDayAsKnown, String notes) {
    }

    /**
     * A step of the incident's protocol as taken, in the order of the moments they were taken.
     *
     * @param step                   the step's code: a {@code BullyingStep}, {@code UnsafeBehaviourAction}
     *                               or {@code MeldplichtStep}
     * @param minutesSinceFirstKnown for meldplicht steps only
     */
    public record StepView(String step, int number, String label, Instant takenAt, Actor takenBy, List<String> informed,
                           String notes, Integer minutesSinceFirstKnown) {
    }

    /**
     * @param minutesFromFirstKnowledgeToBoard minutes from the school's first knowledge to the board being informed
     * @param nextStep                         the step due next, or {@code null} when none is
     * @param complete                         the parties were informed and, when decided, the report filed
     */
    public record MeldplichtView(Instant boardInformedAt, Integer minutesFromFirstKnowledgeToBoard, Instant inspectorConsultedAt,
                                 Boolean reasonableSuspicion, Instant policeReportDecidedAt, Boolean fileReport,
                                 String fileReportRationale, Instant partiesInformedAt, Instant policeReportFiledAt,
                                 String policeReference, MeldplichtStep nextStep, String nextStepLabel, boolean complete) {
    }

    public record ClosureView(Instant closedAt, Actor closedBy, String conclusion) {
    }
}
