package nl.meldspoor.platform.testing.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.platform.consuming.PublishedEvent;

/** Builds the published history of one incident. */
public final class IncidentHistoryBuilder {

    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor BOARD = new Actor("bo-1", Role.BOARD_OFFICER);

    private final String incidentId = UUID.randomUUID().toString();
    private final String schoolId;
    private final Instant occurredAt;
    private final List<IncidentEvent> events = new ArrayList<>();

    private IncidentHistoryBuilder(String schoolId, Instant occurredAt, IncidentType type, Severity severity, PartyRole perpetrator) {
        this.schoolId = schoolId;
        this.occurredAt = occurredAt;
        IncidentReport report = new IncidentReport(schoolId, occurredAt, occurredAt.plus(Duration.ofMinutes(30)), "speelplaats", type, severity,
                List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, "lln-1"), new InvolvedParty(perpetrator, "p-2")), "Omschrijving.",
                "Direct gescheiden.", new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, occurredAt.plus(Duration.ofHours(3)), null),
                false, null, null);
        ProtocolTrack track = ProtocolTrack.of(report);
        events.add(new IncidentRecorded(incidentId, schoolId, TEACHER, occurredAt.plus(Duration.ofHours(1)), report, track,
                track == ProtocolTrack.MELDPLICHT));
    }

    public static IncidentHistoryBuilder incident(String schoolId, Instant occurredAt, IncidentType type, Severity severity) {
        return new IncidentHistoryBuilder(schoolId, occurredAt, type, severity, PartyRole.PUPIL_PERPETRATOR);
    }

    public static IncidentHistoryBuilder meldplicht(String schoolId, Instant occurredAt) {
        return new IncidentHistoryBuilder(schoolId, occurredAt, IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS, PartyRole.STAFF_PERPETRATOR);
    }

    public String incidentId() {
        return incidentId;
    }

    public IncidentHistoryBuilder allBullyingSteps() {
        Instant at = occurredAt.plus(Duration.ofDays(1));
        for (BullyingStep step : BullyingStep.values()) {
            events.add(new BullyingStepTaken(incidentId, schoolId, TEACHER, at, new BullyingStepDetails(step, at, List.of("ouders"), null)));
            at = at.plus(Duration.ofDays(1));
        }
        return this;
    }

    public IncidentHistoryBuilder boardInformed(int minutesAfterKnown) {
        Instant at = occurredAt.plus(Duration.ofMinutes(30 + minutesAfterKnown));
        events.add(new MeldplichtStepTaken(incidentId, schoolId, TEACHER, at,
                new MeldplichtStepDetails(MeldplichtStep.BOARD_INFORMED, at, List.of(), null, null, null, null, null), minutesAfterKnown));
        return this;
    }

    public IncidentHistoryBuilder closed() {
        events.add(new IncidentClosed(incidentId, schoolId, BOARD, occurredAt.plus(Duration.ofDays(30)), new IncidentClosure("Afgerond.")));
        return this;
    }

    public List<PublishedEvent> published() {
        List<PublishedEvent> published = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            IncidentEvent event = events.get(sequence);
            try {
                published.add(new PublishedEvent(UUID.nameUUIDFromBytes((incidentId + sequence).getBytes()).toString(), event.getClass().getName(),
                        "1", incidentId, sequence, event.occurredAt(), event, CaseHistoryBuilder.JSON.writeValueAsString(event)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return published;
    }
}
