package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.BULLIED;
import static nl.meldspoor.signals.incident.IncidentTestData.BULLY;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.RECORDED;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.STAFF_MEMBER;
import static nl.meldspoor.signals.incident.IncidentTestData.T0;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.bullyingReport;
import static nl.meldspoor.signals.incident.IncidentTestData.meldplichtReport;
import static nl.meldspoor.signals.incident.IncidentTestData.minutes;
import static nl.meldspoor.signals.incident.IncidentTestData.parentsInformed;
import static nl.meldspoor.signals.incident.IncidentTestData.report;
import static nl.meldspoor.signals.incident.IncidentTestData.unsafeBehaviourReport;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.IncidentRecorded;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.RecordIncident;
import nl.meldspoor.api.incident.Severity;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingAnIncidentTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static RecordIncident record(IncidentReport report) {
        return record(TEACHER, report);
    }

    private static RecordIncident record(Actor actor, IncidentReport report) {
        return new RecordIncident(INCIDENT_ID, actor, RECORDED, report);
    }

    private static IncidentReport with(UnaryOperator<Fields> change) {
        return change.apply(new Fields(bullyingReport())).build();
    }

    @Test
    void bullyingIsRecordedOnTheBullyingProtocol() {
        fixture.givenNoPriorActivity()
                .when(record(bullyingReport()))
                .expectEvents(new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, bullyingReport(), ProtocolTrack.BULLYING, false));
    }

    @Test
    void physicalViolenceIsRecordedOnTheActionsAgainstUnsafeBehaviour() {
        fixture.givenNoPriorActivity()
                .when(record(unsafeBehaviourReport()))
                .expectEvents(new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, unsafeBehaviourReport(),
                        ProtocolTrack.UNSAFE_BEHAVIOUR, false));
    }

    @Test
    void aSexualOffenceByAStaffMemberIsRecordedUnderTheMeldplichtSoTheBoardIsAlertedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(record(meldplichtReport()))
                .expectEvents(new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, meldplichtReport(), ProtocolTrack.MELDPLICHT, true));
    }

    @Test
    void sexualHarassmentByAStaffMemberFallsUnderTheMeldplicht() {
        IncidentReport harassment = report(IncidentType.SEXUAL_HARASSMENT, Severity.SERIOUS, BULLIED, STAFF_MEMBER);
        fixture.givenNoPriorActivity()
                .when(record(harassment))
                .expectEvents(new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, harassment, ProtocolTrack.MELDPLICHT, true));
    }

    @Test
    void theParentsMayAlreadyHaveBeenInformedWhenTheIncidentIsRecorded() {
        IncidentReport report = with(fields -> fields.parentsInformed(parentsInformed(ParentContactMethod.PHONE_SAME_DAY, minutes(50))));
        fixture.givenNoPriorActivity()
                .when(record(report))
                .expectEvents(new IncidentRecorded(INCIDENT_ID, SCHOOL, TEACHER, RECORDED, report, ProtocolTrack.BULLYING, false));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TEACHER", "CARE_COORDINATOR", "ADVISOR", "PRINCIPAL", "CONFIDANT", "BOARD_OFFICER"})
    void staffTheConfidantAndTheBoardOfficerRecordIncidents(Role role) {
        fixture.givenNoPriorActivity()
                .when(record(new Actor("person-1", role), bullyingReport()))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLUSTER_DIRECTOR", "AUDITOR"})
    void theClusterDirectorAndTheAuditorDoNotRecordIncidents(Role role) {
        fixture.givenNoPriorActivity()
                .when(record(new Actor("person-1", role), bullyingReport()))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }

    @Test
    void anIncidentNamesAtLeastOneInvolvedParty() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.parties(List.of()))))
                .expectException(violates(IncidentRule.PARTY_REQUIRED, "parties"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan de Vries", "pupil 7f3a", "Zoë", "jan@example.nl", "pupil-7f3a\t"})
    void involvedPartiesAreRecordedByPseudonymNeverByName(String ref) {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.parties(List.of(BULLY, new InvolvedParty(PartyRole.PUPIL_VICTIM, ref))))))
                .expectException(violates(IncidentRule.PARTY_REF_NOT_PSEUDONYMOUS, "parties[1].ref"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pupil-7f3a", "staff:12", "ext.3_b"})
    void pseudonymousReferencesAreAccepted(String ref) {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.parties(List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, ref))))))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("schoolId", (UnaryOperator<Fields>) fields -> fields.schoolId(" ")),
                Arguments.of("occurredAt", (UnaryOperator<Fields>) fields -> fields.occurredAt(null)),
                Arguments.of("firstKnownAt", (UnaryOperator<Fields>) fields -> fields.firstKnownAt(null)),
                Arguments.of("place", (UnaryOperator<Fields>) fields -> fields.place("")),
                Arguments.of("type", (UnaryOperator<Fields>) fields -> fields.type(null)),
                Arguments.of("severity", (UnaryOperator<Fields>) fields -> fields.severity(null)),
                Arguments.of("parties[0].role", (UnaryOperator<Fields>) fields -> fields.parties(List.of(new InvolvedParty(null, "pupil-1")))),
                Arguments.of("parties[0].ref", (UnaryOperator<Fields>) fields -> fields.parties(List.of(new InvolvedParty(PartyRole.PARENT, " ")))),
                Arguments.of("description", (UnaryOperator<Fields>) fields -> fields.description(null)),
                Arguments.of("immediateMeasures", (UnaryOperator<Fields>) fields -> fields.immediateMeasures("  ")),
                Arguments.of("parentsInformed.how", (UnaryOperator<Fields>) fields -> fields.parentsInformed(parentsInformed(null, minutes(50)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void aRequiredFieldThatIsMissingIsNamed(String field, UnaryOperator<Fields> change) {
        fixture.givenNoPriorActivity()
                .when(record(with(change)))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, field))
                .expectNoEvents();
    }

    @Test
    void theIncidentCannotHaveHappenedAfterItWasRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.occurredAt(RECORDED.plusSeconds(60)))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "occurredAt"));
    }

    @Test
    void theSchoolCannotHaveLearnedOfItAfterItWasRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.firstKnownAt(RECORDED.plusSeconds(60)))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "firstKnownAt"));
    }

    @Test
    void theSchoolCannotHaveKnownOfItBeforeItHappened() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.firstKnownAt(T0.minusSeconds(60)))))
                .expectException(violates(IncidentRule.KNOWN_BEFORE_OCCURRED, "firstKnownAt"));
    }

    @Test
    void theParentsCannotHaveBeenInformedBeforeTheSchoolKnew() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.parentsInformed(parentsInformed(ParentContactMethod.PHONE_SAME_DAY, KNOWN.minusSeconds(60))))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "parentsInformed.informedAt"));
    }

    @Test
    void theParentsCannotHaveBeenInformedAfterTheRecording() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.parentsInformed(parentsInformed(ParentContactMethod.PHONE_SAME_DAY, RECORDED.plusSeconds(1))))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "parentsInformed.informedAt"));
    }

    @Test
    void aPoliceReferenceBelongsToAnIncidentThePoliceWereInvolvedIn() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.police(false, "PL-2026-77"))))
                .expectException(violates(IncidentRule.POLICE_REFERENCE_WITHOUT_POLICE, "policeReference"));
    }

    @Test
    void policeInvolvementIsRecordedWithItsReference() {
        fixture.givenNoPriorActivity()
                .when(record(with(fields -> fields.police(true, "PL-2026-77"))))
                .expectSuccessfulHandlerExecution();
    }

    /** A report with one field changed at a time. */
    static final class Fields {
        private String schoolId;
        private Instant occurredAt;
        private Instant firstKnownAt;
        private String place;
        private IncidentType type;
        private Severity severity;
        private List<InvolvedParty> parties;
        private String description;
        private String immediateMeasures;
        private nl.meldspoor.api.incident.ParentsInformed parentsInformed;
        private boolean policeInvolved;
        private String policeReference;
        private final String followUp;

        Fields(IncidentReport report) {
            schoolId = report.schoolId();
            occurredAt = report.occurredAt();
            firstKnownAt = report.firstKnownAt();
            place = report.place();
            type = report.type();
            severity = report.severity();
            parties = report.parties();
            description = report.description();
            immediateMeasures = report.immediateMeasures();
            parentsInformed = report.parentsInformed();
            policeInvolved = report.policeInvolved();
            policeReference = report.policeReference();
            followUp = report.followUp();
        }

        Fields schoolId(String value) {
            schoolId = value;
            return this;
        }

        Fields occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        Fields firstKnownAt(Instant value) {
            firstKnownAt = value;
            return this;
        }

        Fields place(String value) {
            place = value;
            return this;
        }

        Fields type(IncidentType value) {
            type = value;
            return this;
        }

        Fields severity(Severity value) {
            severity = value;
            return this;
        }

        Fields parties(List<InvolvedParty> value) {
            parties = value;
            return this;
        }

        Fields description(String value) {
            description = value;
            return this;
        }

        Fields immediateMeasures(String value) {
            immediateMeasures = value;
            return this;
        }

        Fields parentsInformed(nl.meldspoor.api.incident.ParentsInformed value) {
            parentsInformed = value;
            return this;
        }

        Fields police(boolean involved, String reference) {
            policeInvolved = involved;
            policeReference = reference;
            return this;
        }

        IncidentReport build() {
            return new IncidentReport(schoolId, occurredAt, firstKnownAt, place, type, severity, parties, description, immediateMeasures,
                    parentsInformed, policeInvolved, policeReference, followUp);
        }
    }
}
