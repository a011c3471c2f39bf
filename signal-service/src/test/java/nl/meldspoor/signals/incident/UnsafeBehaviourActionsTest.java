package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.IB;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.PRINCIPAL;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.action;
import static nl.meldspoor.signals.incident.IncidentTestData.day;

import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.TakeUnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.incident.UnsafeBehaviourActionTaken;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnsafeBehaviourActionsTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static TakeUnsafeBehaviourAction take(Actor actor, UnsafeBehaviourActionDetails details) {
        return new TakeUnsafeBehaviourAction(INCIDENT_ID, null, actor, day(1), details);
    }

    @Test
    void anActionIsRecordedWithItsDateAndWhoWasInformed() {
        UnsafeBehaviourActionDetails together = action(UnsafeBehaviourAction.TEACHER_AND_PUPILS_SOLVE_TOGETHER, day(1));
        fixture.given(History.unsafeBehaviour().events())
                .when(take(TEACHER, together))
                .expectEvents(new UnsafeBehaviourActionTaken(INCIDENT_ID, SCHOOL, TEACHER, day(1), together));
    }

    @Test
    void inThePupilsInterestTheSchoolMayDeviateFromTheOrderOfTheActions() {
        fixture.given(History.unsafeBehaviour().action(UnsafeBehaviourAction.SUPPORT_TRAJECTORY, KNOWN).events())
                .when(take(TEACHER, action(UnsafeBehaviourAction.PUPIL_SOLVES_OR_ASKS_HELP, day(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anActionMayBeTakenAgain() {
        fixture.given(History.unsafeBehaviour().action(UnsafeBehaviourAction.SCHOOL_AND_PARENTS_TOGETHER, KNOWN).events())
                .when(take(IB, action(UnsafeBehaviourAction.SCHOOL_AND_PARENTS_TOGETHER, day(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void afterEveryActionTheSchoolRecordsWhoWasInformed() {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(TEACHER, new UnsafeBehaviourActionDetails(UnsafeBehaviourAction.SUPPORT_TRAJECTORY, day(1), null, null)))
                .expectException(violates(IncidentRule.INFORMED_REQUIRED, "informed"))
                .expectNoEvents();
    }

    @Test
    void theActionIsNamed() {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(TEACHER, new UnsafeBehaviourActionDetails(null, day(1), List.of("ouders"), null)))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, "action"));
    }

    @Test
    void anActionCannotBeTakenBeforeTheSchoolKnewOfTheIncident() {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(TEACHER, action(UnsafeBehaviourAction.PUPIL_SOLVES_OR_ASKS_HELP, KNOWN.minusSeconds(1))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "takenAt"));
    }

    @Test
    void thePrincipalDecidesOnTimeOutSuspensionOrExpulsion() {
        UnsafeBehaviourActionDetails suspension = action(UnsafeBehaviourAction.TIME_OUT_SUSPENSION_EXPULSION, day(1));
        fixture.given(History.unsafeBehaviour().events())
                .when(take(PRINCIPAL, suspension))
                .expectEvents(new UnsafeBehaviourActionTaken(INCIDENT_ID, SCHOOL, PRINCIPAL, day(1), suspension));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TEACHER", "CARE_COORDINATOR", "ADVISOR"})
    void timeOutSuspensionOrExpulsionIsADecisionOfTheDirectie(Role role) {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(new Actor("person-1", role), action(UnsafeBehaviourAction.TIME_OUT_SUSPENSION_EXPULSION, day(1))))
                .expectException(violates(IncidentRule.ONLY_PRINCIPAL_DECIDES_EXCLUSION))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONFIDANT", "BOARD_OFFICER", "CLUSTER_DIRECTOR", "AUDITOR"})
    void onlySchoolStaffTakeTheActions(Role role) {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(new Actor("person-1", role), action(UnsafeBehaviourAction.PUPIL_SOLVES_OR_ASKS_HELP, day(1))))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void bullyingIsNotHandledWithTheActionsAgainstUnsafeBehaviour() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, action(UnsafeBehaviourAction.PUPIL_SOLVES_OR_ASKS_HELP, day(1))))
                .expectException(violates(IncidentRule.WRONG_TRACK))
                .expectNoEvents();
    }
}
