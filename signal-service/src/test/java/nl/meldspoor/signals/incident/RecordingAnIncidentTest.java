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


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
import nl.meldspoor.platform.testing.EventContracts;
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

    /** The bullying report with one field, as named in a request, replaced. */
    private static IncidentReport with(String field, Object value) {
        return changed(bullyingReport(), field, value);
    }

    private static IncidentReport changed(IncidentReport report, String field, Object value) {
        ObjectNode json = EventContracts.JSON.valueToTree(report);
        json.set(field, value == null ? NullNode.getInstance() : EventContracts.JSON.valueToTree(value));
        try {
            return EventContracts.JSON.treeToValue(json, IncidentReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
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
        IncidentReport report = with("parentsInformed", parentsInformed(ParentContactMethod.PHONE_SAME_DAY, minutes(50)));
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
                .when(record(with("parties", List.of())))
                .expectException(violates(IncidentRule.PARTY_REQUIRED, "parties"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan de Vries", "pupil 7f3a", "Zoë", "jan@example.nl", "pupil-7f3a\t"})
    void involvedPartiesAreRecordedByPseudonymNeverByName(String ref) {
        fixture.givenNoPriorActivity()
                .when(record(with("parties", List.of(BULLY, new InvolvedParty(PartyRole.PUPIL_VICTIM, ref)))))
                .expectException(violates(IncidentRule.PARTY_REF_NOT_PSEUDONYMOUS, "parties[1].ref"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pupil-7f3a", "staff:12", "ext.3_b"})
    void pseudonymousReferencesAreAccepted(String ref) {
        fixture.givenNoPriorActivity()
                .when(record(with("parties", List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, ref)))))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("schoolId", "schoolId", " "),
                Arguments.of("occurredAt", "occurredAt", null),
                Arguments.of("firstKnownAt", "firstKnownAt", null),
                Arguments.of("place", "place", ""),
                Arguments.of("type", "type", null),
                Arguments.of("severity", "severity", null),
                Arguments.of("parties[0].role", "parties", List.of(new InvolvedParty(null, "pupil-1"))),
                Arguments.of("parties[0].ref", "parties", List.of(new InvolvedParty(PartyRole.PARENT, " "))),
                Arguments.of("description", "description", null),
                Arguments.of("immediateMeasures", "immediateMeasures", "  "),
                Arguments.of("parentsInformed.how", "parentsInformed", parentsInformed(null, minutes(50))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void aRequiredFieldThatIsMissingIsNamed(String field, String replaced, Object value) {
        fixture.givenNoPriorActivity()
                .when(record(with(replaced, value)))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, field))
                .expectNoEvents();
    }

    @Test
    void theIncidentCannotHaveHappenedAfterItWasRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(with("occurredAt", RECORDED.plusSeconds(60))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "occurredAt"));
    }

    @Test
    void theSchoolCannotHaveLearnedOfItAfterItWasRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(with("firstKnownAt", RECORDED.plusSeconds(60))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "firstKnownAt"));
    }

    @Test
    void theSchoolCannotHaveKnownOfItBeforeItHappened() {
        fixture.givenNoPriorActivity()
                .when(record(with("firstKnownAt", T0.minusSeconds(60))))
                .expectException(violates(IncidentRule.KNOWN_BEFORE_OCCURRED, "firstKnownAt"));
    }

    @Test
    void theParentsCannotHaveBeenInformedBeforeTheSchoolKnew() {
        fixture.givenNoPriorActivity()
                .when(record(with("parentsInformed", parentsInformed(ParentContactMethod.PHONE_SAME_DAY, KNOWN.minusSeconds(60)))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "parentsInformed.informedAt"));
    }

    @Test
    void theParentsCannotHaveBeenInformedAfterTheRecording() {
        fixture.givenNoPriorActivity()
                .when(record(with("parentsInformed", parentsInformed(ParentContactMethod.PHONE_SAME_DAY, RECORDED.plusSeconds(1)))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "parentsInformed.informedAt"));
    }

    @Test
    void aPoliceReferenceBelongsToAnIncidentThePoliceWereInvolvedIn() {
        fixture.givenNoPriorActivity()
                .when(record(with("policeReference", "PL-2026-77")))
                .expectException(violates(IncidentRule.POLICE_REFERENCE_WITHOUT_POLICE, "policeReference"));
    }

    @Test
    void policeInvolvementIsRecordedWithItsReference() {
        fixture.givenNoPriorActivity()
                .when(record(changed(with("policeInvolved", true), "policeReference", "PL-2026-77")))
                .expectSuccessfulHandlerExecution();
    }
}
