package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.BOARD_OFFICER;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.PRINCIPAL;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.action;
import static nl.meldspoor.signals.incident.IncidentTestData.bullyingStep;
import static nl.meldspoor.signals.incident.IncidentTestData.closure;
import static nl.meldspoor.signals.incident.IncidentTestData.day;
import static nl.meldspoor.signals.incident.IncidentTestData.parentsInformed;

import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.CloseIncident;
import nl.meldspoor.api.incident.IncidentClosed;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.RecordParentsInformed;
import nl.meldspoor.api.incident.TakeBullyingStep;
import nl.meldspoor.api.incident.TakeMeldplichtStep;
import nl.meldspoor.api.incident.TakeUnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ClosingAnIncidentTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static CloseIncident close(Actor actor) {
        return new CloseIncident(INCIDENT_ID, null, actor, day(10), closure());
    }

    @Test
    void theSchoolClosesABullyingIncidentOnceItsFollowUpIsDone() {
        fixture.given(History.bullying().bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1)).events())
                .when(close(PRINCIPAL))
                .expectEvents(new IncidentClosed(INCIDENT_ID, SCHOOL, PRINCIPAL, day(10), closure()));
    }

    @Test
    void closingStatesAConclusion() {
        fixture.given(History.unsafeBehaviour().events())
                .when(new CloseIncident(INCIDENT_ID, null, TEACHER, day(10), new IncidentClosure(" ")))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, "conclusion"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONFIDANT", "BOARD_OFFICER", "CLUSTER_DIRECTOR", "AUDITOR"})
    void theSchoolClosesIncidentsOutsideTheMeldplicht(Role role) {
        fixture.given(History.unsafeBehaviour().events())
                .when(close(new Actor("person-1", role)))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void aMeldplichtIncidentClosesOnlyOnceTheBoardInformedTheParties() {
        fixture.given(History.meldplicht().policeReportDecided(false, false).events())
                .when(close(BOARD_OFFICER))
                .expectException(violates(IncidentRule.PARTIES_NOT_INFORMED))
                .expectNoEvents();
    }

    @Test
    void aMeldplichtIncidentWithADecisionToFileClosesOnlyOnceThePoliceReportIsFiled() {
        fixture.given(History.meldplicht().partiesInformed(true, true).events())
                .when(close(BOARD_OFFICER))
                .expectException(violates(IncidentRule.POLICE_REPORT_NOT_FILED))
                .expectNoEvents();
    }

    @Test
    void aMeldplichtIncidentClosesAfterThePoliceReportWasFiled() {
        fixture.given(History.meldplicht().reportFiled().events())
                .when(close(BOARD_OFFICER))
                .expectEvents(new IncidentClosed(INCIDENT_ID, SCHOOL, BOARD_OFFICER, day(10), closure()));
    }

    @Test
    void aMeldplichtIncidentWithoutAReasonableSuspicionClosesAfterThePartiesWereInformed() {
        fixture.given(History.meldplicht().partiesInformed(false, false).events())
                .when(close(BOARD_OFFICER))
                .expectEvents(new IncidentClosed(INCIDENT_ID, SCHOOL, BOARD_OFFICER, day(10), closure()));
    }

    @Test
    void onlyTheBoardOfficerClosesAMeldplichtIncident() {
        fixture.given(History.meldplicht().reportFiled().events())
                .when(close(PRINCIPAL))
                .expectException(violates(IncidentRule.ONLY_BOARD_OFFICER));
    }

    static Stream<Object> commandsOnAClosedIncident() {
        return Stream.of(
                new RecordParentsInformed(INCIDENT_ID, null, TEACHER, day(11), parentsInformed(ParentContactMethod.LETTER, day(11))),
                new TakeBullyingStep(INCIDENT_ID, null, TEACHER, day(11), bullyingStep(BullyingStep.SUPPORT_FOR_BOTH, day(11))),
                new TakeUnsafeBehaviourAction(INCIDENT_ID, null, PRINCIPAL, day(11), action(UnsafeBehaviourAction.SUPPORT_TRAJECTORY, day(11))),
                new TakeMeldplichtStep(INCIDENT_ID, null, BOARD_OFFICER, day(11),
                        IncidentTestData.meldplichtStep(MeldplichtStep.BOARD_INFORMED, day(11))),
                close(PRINCIPAL));
    }

    @ParameterizedTest
    @MethodSource("commandsOnAClosedIncident")
    void nothingIsRecordedOnAClosedIncident(Object command) {
        fixture.given(History.bullying().closed().events())
                .when(command)
                .expectException(violates(IncidentRule.INCIDENT_CLOSED))
                .expectNoEvents();
    }
}
