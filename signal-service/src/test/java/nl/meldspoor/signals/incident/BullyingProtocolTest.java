package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.bullyingStep;
import static nl.meldspoor.signals.incident.IncidentTestData.day;

import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.BullyingStepTaken;
import nl.meldspoor.api.incident.TakeBullyingStep;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BullyingProtocolTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static TakeBullyingStep take(Actor actor, BullyingStepDetails details) {
        return new TakeBullyingStep(INCIDENT_ID, null, actor, day(1), details);
    }

    @Test
    void aStepOfTheFiveStepApproachIsRecordedWithItsDateAndWhoWasInformed() {
        BullyingStepDetails talk = bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1));
        fixture.given(History.bullying().events())
                .when(take(TEACHER, talk))
                .expectEvents(new BullyingStepTaken(INCIDENT_ID, SCHOOL, TEACHER, day(1), talk));
    }

    @Test
    void theSchoolMayDeviateFromTheOrderOfTheSteps() {
        fixture.given(History.bullying().bullyingStep(BullyingStep.MOBILISE_SILENT_MIDDLE_GROUP, KNOWN).events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLY, day(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aStepMayBeTakenAgain() {
        fixture.given(History.bullying().bullyingStep(BullyingStep.TALK_WITH_BULLY, KNOWN).events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLY, day(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void afterEveryStepTheSchoolRecordsWhoWasInformed() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, new BullyingStepDetails(BullyingStep.SUPPORT_FOR_BOTH, day(1), List.of(), "Sova-training gestart.")))
                .expectException(violates(IncidentRule.INFORMED_REQUIRED, "informed"))
                .expectNoEvents();
    }

    @Test
    void whoWasInformedIsNeverBlank() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, new BullyingStepDetails(BullyingStep.SUPPORT_FOR_BOTH, day(1), List.of("ouders", " "), null)))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, "informed[1]"));
    }

    @Test
    void theStepIsNamed() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, new BullyingStepDetails(null, day(1), List.of("ouders"), null)))
                .expectException(violates(IncidentRule.FIELD_REQUIRED, "step"));
    }

    @Test
    void aStepCannotBeTakenBeforeTheSchoolKnewOfTheBullying() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, KNOWN.minusSeconds(60))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "takenAt"));
    }

    @Test
    void aStepCannotLieAfterItsRecording() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(2))))
                .expectException(violates(IncidentRule.MOMENT_AFTER_RECORDING, "takenAt"));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TEACHER", "CARE_COORDINATOR", "ADVISOR", "PRINCIPAL"})
    void schoolStaffTakeTheSteps(Role role) {
        fixture.given(History.bullying().events())
                .when(take(new Actor("person-1", role), bullyingStep(BullyingStep.INVOLVE_PARENTS_WITH_CONTRACT, day(1))))
                .expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONFIDANT", "BOARD_OFFICER", "CLUSTER_DIRECTOR", "AUDITOR"})
    void onlySchoolStaffTakeTheSteps(Role role) {
        fixture.given(History.bullying().events())
                .when(take(new Actor("person-1", role), bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1))))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED))
                .expectNoEvents();
    }

    @Test
    void anIncidentOfUnsafeBehaviourDoesNotFollowTheBullyingProtocol() {
        fixture.given(History.unsafeBehaviour().events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1))))
                .expectException(violates(IncidentRule.WRONG_TRACK))
                .expectNoEvents();
    }

    @Test
    void aMeldplichtIncidentDoesNotFollowTheBullyingProtocol() {
        fixture.given(History.meldplicht().events())
                .when(take(TEACHER, bullyingStep(BullyingStep.TALK_WITH_BULLIED_PUPIL, day(1))))
                .expectException(violates(IncidentRule.WRONG_TRACK));
    }
}
