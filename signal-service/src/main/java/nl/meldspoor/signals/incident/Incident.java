package nl.meldspoor.signals.incident;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.CloseIncident;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.EraseIncidentText;
import nl.meldspoor.api.incident.IncidentTextErased;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.ParentsInformedOfIncident;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.RecordIncident;
import nl.meldspoor.api.incident.RecordParentsInformed;
import nl.meldspoor.api.incident.TakeBullyingStep;
import nl.meldspoor.api.incident.TakeMeldplichtStep;
import nl.meldspoor.api.incident.TakeUnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.signals.incident.state.IncidentFile;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffScope;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One incident in a school's incident register and the protocol it follows: the vijfstappenaanpak
 * against bullying, the five actions against unsafe behaviour, or the meldplicht for a sexual offence
 * by a staff member, whose steps are strictly ordered and timed from the moment the school first knew.
 * Every rule is checked before anything is applied, so a refused command leaves no trace but its
 * refusal. Business time arrives with the commands; the incident never reads a clock.
 */
@Aggregate
public class Incident {

    /** A pseudonymous reference: no whitespace, only letters, digits and {@code . _ : -}. */
    private static final Pattern PSEUDONYMOUS_REF = Pattern.compile("[A-Za-z0-9._:-]+");

    @AggregateIdentifier
    private String incidentId;
    private final IncidentFile file = new IncidentFile();

    protected Incident() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Incident(RecordIncident command, MetaData metaData) {
        IncidentPermissions.requireMayRecord(command.actor());
        IncidentReport report = command.report();
        ProtocolTrack track = ProtocolTrack.of(report);
        if (track == ProtocolTrack.MELDPLICHT && command.actor().hasRole(Role.BOARD_OFFICER)) {
            // Whoever learns of a sexual offence by staff reports it to the board: the board's contact person, whose role
            // is board-wide, records what reached the board directly (a parent calling the board) for the school concerned.
            CommandAuthority.requireOneOf(metaData, report.schoolId(), StaffScope.BOARD);
        } else {
            CommandAuthority.requireOneOf(metaData, report.schoolId());
        }
        requireValid(report, command.occurredAt());
        apply(new IncidentRecorded(command.incidentId(), report.schoolId(), command.actor(), command.occurredAt(), report, track,
                track == ProtocolTrack.MELDPLICHT));
    }

    /**
     * Need-to-know: staff of the incident's school act on it; the board's contact person, whose role is
     * board-wide, takes the meldplicht steps after the report to the board.
     */
    @CommandHandlerInterceptor
    Object onlyStaffOfTheIncidentsSchool(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CommandAuthority.requireOneOf(command.getMetaData(), file.schoolId(), StaffScope.BOARD);
        return chain.proceed();
    }

    @CommandHandler
    public void handle(RecordParentsInformed command) {
        requireOpen();
        IncidentPermissions.requireSchoolStaff(command.actor());
        requireValid(command.parentsInformed(), "", command.occurredAt(), file.firstKnownAt());
        apply(new ParentsInformedOfIncident(incidentId, file.schoolId(), command.actor(), command.occurredAt(), command.parentsInformed()));
    }

    // ---- the bullying protocol and the actions against unsafe behaviour: any order, repeatable

    @CommandHandler
    public void handle(TakeBullyingStep command) {
        requireOpen();
        IncidentPermissions.requireSchoolStaff(command.actor());
        requireTrack(ProtocolTrack.BULLYING);
        BullyingStepDetails details = command.details();
        requirePresent(details.step(), "step");
        requireTakenAt(details.takenAt(), command.occurredAt());
        requireInformed(details.informed());
        apply(new BullyingStepTaken(incidentId, file.schoolId(), command.actor(), command.occurredAt(), details));
    }

    @CommandHandler
    public void handle(TakeUnsafeBehaviourAction command) {
        requireOpen();
        UnsafeBehaviourActionDetails details = command.details();
        requirePresent(details.action(), "action");
        IncidentPermissions.requireMayTake(details.action(), command.actor());
        requireTrack(ProtocolTrack.UNSAFE_BEHAVIOUR);
        requireTakenAt(details.takenAt(), command.occurredAt());
        requireInformed(details.informed());
        apply(new UnsafeBehaviourActionTaken(incidentId, file.schoolId(), command.actor(), command.occurredAt(), details));
    }

    // ---- the meldplicht: strictly in order

    @CommandHandler
    public void handle(TakeMeldplichtStep command) {
        requireOpen();
        MeldplichtStepDetails details = command.details();
        MeldplichtStep step = details.step();
        requirePresent(step, "step");
        IncidentPermissions.requireMayTake(step, command.actor());
        requireTrack(ProtocolTrack.MELDPLICHT);
        requireTakenAt(details.takenAt(), command.occurredAt());
        requireNextMeldplichtStep(step);
        requireOnlyFieldsOf(details);
        requireCompleteMeldplichtStep(details);
        file.lastMeldplichtStep().ifPresent(previous -> {
            if (details.takenAt().isBefore(previous.details().takenAt())) {
                throw RuleViolation.of(IncidentRule.MELDPLICHT_STEP_BEFORE_PREVIOUS, "takenAt",
                        "Deze stap ligt in de tijd voor de vorige stap (" + previous.details().step().label().toLowerCase() + ").");
            }
        });
        int minutesSinceFirstKnown = Math.toIntExact(Duration.between(file.firstKnownAt(), details.takenAt()).toMinutes());
        apply(new MeldplichtStepTaken(incidentId, file.schoolId(), command.actor(), command.occurredAt(), details, minutesSinceFirstKnown));
    }

    // ---- closing

    @CommandHandler
    public void handle(CloseIncident command) {
        requireOpen();
        IncidentPermissions.requireMayClose(file.track(), command.actor());
        requireText(command.closure().conclusion(), "conclusion");
        if (file.meldplicht()) {
            if (file.meldplichtStep(MeldplichtStep.PARTIES_INFORMED).isEmpty()) {
                throw RuleViolation.of(IncidentRule.PARTIES_NOT_INFORMED);
            }
            if (!file.meldplichtComplete()) {
                throw RuleViolation.of(IncidentRule.POLICE_REPORT_NOT_FILED);
            }
        }
        apply(new IncidentClosed(incidentId, file.schoolId(), command.actor(), command.occurredAt(), command.closure()));
    }

    /** Crypto-shredding: only an incident closed for longer than its retention period loses its text, once. */
    @CommandHandler
    public void handle(EraseIncidentText command) {
        if (file.isTextErased()) {
            throw RuleViolation.of(RetentionRule.NOTHING_TO_ERASE);
        }
        IncidentClosed closed = file.closure().orElseThrow(() -> RuleViolation.of(RetentionRule.RETENTION_NOT_STARTED));
        if (!Retention.passed(closed.occurredAt(), command.retention(), command.occurredAt())) {
            throw RuleViolation.of(RetentionRule.RETENTION_NOT_PASSED);
        }
        apply(new IncidentTextErased(incidentId, file.schoolId(), command.actor(), command.occurredAt(), closed.occurredAt(), command.retention()));
    }

    @EventSourcingHandler
    void on(IncidentEvent event) {
        if (event instanceof IncidentRecorded) {
            incidentId = event.incidentId();
        }
        file.apply(event);
    }

    // ---- guards

    private void requireOpen() {
        if (file.isClosed()) {
            throw RuleViolation.of(IncidentRule.INCIDENT_CLOSED);
        }
    }

    private void requireTrack(ProtocolTrack track) {
        if (file.track() != track) {
            throw RuleViolation.of(IncidentRule.WRONG_TRACK, null,
                    "Dit incident volgt het protocol '" + file.track().label().toLowerCase() + "'; deze stap hoort bij '"
                            + track.label().toLowerCase() + "'.");
        }
    }

    private void requireTakenAt(Instant takenAt, Instant recordedAt) {
        requireMoment(takenAt, "takenAt", recordedAt);
        if (takenAt.isBefore(file.firstKnownAt())) {
            throw RuleViolation.of(IncidentRule.MOMENT_BEFORE_KNOWN, "takenAt");
        }
    }

    private static void requireInformed(List<String> informed) {
        if (informed.isEmpty()) {
            throw RuleViolation.of(IncidentRule.INFORMED_REQUIRED, "informed");
        }
        for (int i = 0; i < informed.size(); i++) {
            requireText(informed.get(i), "informed[" + i + "]");
        }
    }

    private void requireNextMeldplichtStep(MeldplichtStep step) {
        if (step == MeldplichtStep.POLICE_REPORT_FILED && file.fileReportDecided().map(decided -> !decided).orElse(false)) {
            throw RuleViolation.of(IncidentRule.NO_POLICE_REPORT_DECIDED, "step");
        }
        MeldplichtStep expected = file.nextMeldplichtStep().orElse(null);
        if (step != expected) {
            throw RuleViolation.of(IncidentRule.MELDPLICHT_ORDER, "step", expected == null
                    ? "De meldplicht is doorlopen; er volgt geen stap meer."
                    : "Zet eerst stap " + expected.number() + " van de meldplicht: " + expected.label().toLowerCase() + ".");
        }
    }

    /** Each meldplicht step carries only what belongs to it. */
    private static void requireOnlyFieldsOf(MeldplichtStepDetails details) {
        MeldplichtStep step = details.step();
        requireAbsentUnless(details.reasonableSuspicion(), step == MeldplichtStep.INSPECTOR_CONSULTED, "reasonableSuspicion");
        requireAbsentUnless(details.fileReport(), step == MeldplichtStep.POLICE_REPORT_DECIDED, "fileReport");
        requireAbsentUnless(details.rationale(), step == MeldplichtStep.POLICE_REPORT_DECIDED, "rationale");
        requireAbsentUnless(details.policeReference(), step == MeldplichtStep.POLICE_REPORT_FILED, "policeReference");
    }

    private void requireCompleteMeldplichtStep(MeldplichtStepDetails details) {
        switch (details.step()) {
            case BOARD_INFORMED -> {
                // who learned of it and when is all it takes: the board is told at once
            }
            case INSPECTOR_CONSULTED -> {
                if (details.reasonableSuspicion() == null) {
                    throw RuleViolation.of(IncidentRule.REASONABLE_SUSPICION_REQUIRED, "reasonableSuspicion");
                }
            }
            case POLICE_REPORT_DECIDED -> {
                if (details.fileReport() == null) {
                    throw RuleViolation.of(IncidentRule.POLICE_REPORT_DECISION_REQUIRED, "fileReport");
                }
                if (isBlank(details.rationale())) {
                    throw RuleViolation.of(IncidentRule.POLICE_REPORT_DECISION_REQUIRED, "rationale");
                }
                if (!details.fileReport() && file.reasonableSuspicion().orElse(false)) {
                    throw RuleViolation.of(IncidentRule.POLICE_REPORT_REQUIRED, "fileReport");
                }
            }
            case PARTIES_INFORMED -> requireInformed(details.informed());
            case POLICE_REPORT_FILED -> {
                if (isBlank(details.policeReference())) {
                    throw RuleViolation.of(IncidentRule.POLICE_REFERENCE_REQUIRED, "policeReference");
                }
            }
        }
    }

    private static void requireValid(IncidentReport report, Instant recordedAt) {
        requireText(report.schoolId(), "schoolId");
        requireMoment(report.occurredAt(), "occurredAt", recordedAt);
        requireMoment(report.firstKnownAt(), "firstKnownAt", recordedAt);
        if (report.firstKnownAt().isBefore(report.occurredAt())) {
            throw RuleViolation.of(IncidentRule.KNOWN_BEFORE_OCCURRED, "firstKnownAt");
        }
        requireText(report.place(), "place");
        requirePresent(report.type(), "type");
        requirePresent(report.severity(), "severity");
        requireParties(report.parties());
        requireText(report.description(), "description");
        requireText(report.immediateMeasures(), "immediateMeasures");
        if (report.parentsInformed() != null) {
            requireValid(report.parentsInformed(), "parentsInformed.", recordedAt, report.firstKnownAt());
        }
        if (!report.policeInvolved() && !isBlank(report.policeReference())) {
            throw RuleViolation.of(IncidentRule.POLICE_REFERENCE_WITHOUT_POLICE, "policeReference");
        }
    }

    private static void requireParties(List<InvolvedParty> parties) {
        if (parties == null || parties.isEmpty()) {
            throw RuleViolation.of(IncidentRule.PARTY_REQUIRED, "parties");
        }
        for (int i = 0; i < parties.size(); i++) {
            InvolvedParty party = parties.get(i);
            String field = "parties[" + i + "]";
            requirePresent(party, field);
            requirePresent(party.role(), field + ".role");
            requireText(party.ref(), field + ".ref");
            if (!PSEUDONYMOUS_REF.matcher(party.ref()).matches()) {
                throw RuleViolation.of(IncidentRule.PARTY_REF_NOT_PSEUDONYMOUS, field + ".ref");
            }
        }
    }

    /** @param prefix path of the value in the request, ending in a dot, or empty when it is the whole body */
    private static void requireValid(ParentsInformed informed, String prefix, Instant recordedAt, Instant firstKnownAt) {
        requirePresent(informed.how(), prefix + "how");
        requireMoment(informed.informedAt(), prefix + "informedAt", recordedAt);
        if (informed.informedAt().isBefore(firstKnownAt)) {
            throw RuleViolation.of(IncidentRule.MOMENT_BEFORE_KNOWN, prefix + "informedAt");
        }
    }

    private static void requireMoment(Instant moment, String field, Instant recordedAt) {
        requirePresent(moment, field);
        if (moment.isAfter(recordedAt)) {
            throw RuleViolation.of(IncidentRule.MOMENT_AFTER_RECORDING, field);
        }
    }

    private static void requireAbsentUnless(Object value, boolean belongsToStep, String field) {
        if (!belongsToStep && value != null) {
            throw RuleViolation.of(IncidentRule.FIELD_NOT_FOR_STEP, field);
        }
    }

    private static void requireText(String text, String field) {
        if (isBlank(text)) {
            throw RuleViolation.of(IncidentRule.FIELD_REQUIRED, field);
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw RuleViolation.of(IncidentRule.FIELD_REQUIRED, field);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
