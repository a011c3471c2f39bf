package nl.meldspoor.signals.incident;

import static nl.meldspoor.platform.testing.Violations.violates;
import static nl.meldspoor.signals.incident.IncidentTestData.BOARD_OFFICER;
import static nl.meldspoor.signals.incident.IncidentTestData.CONFIDANT;
import static nl.meldspoor.signals.incident.IncidentTestData.INCIDENT_ID;
import static nl.meldspoor.signals.incident.IncidentTestData.KNOWN;
import static nl.meldspoor.signals.incident.IncidentTestData.PRINCIPAL;
import static nl.meldspoor.signals.incident.IncidentTestData.SCHOOL;
import static nl.meldspoor.signals.incident.IncidentTestData.TEACHER;
import static nl.meldspoor.signals.incident.IncidentTestData.day;
import static nl.meldspoor.signals.incident.IncidentTestData.inspectorConsulted;
import static nl.meldspoor.signals.incident.IncidentTestData.meldplichtStep;
import static nl.meldspoor.signals.incident.IncidentTestData.minutes;
import static nl.meldspoor.signals.incident.IncidentTestData.policeReportDecided;

import java.util.List;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.MeldplichtStepTaken;
import nl.meldspoor.api.incident.TakeMeldplichtStep;
import nl.meldspoor.signals.incident.IncidentTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MeldplichtTest {

    private FixtureConfiguration<Incident> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Incident.class);
    }

    private static TakeMeldplichtStep take(Actor actor, MeldplichtStepDetails details) {
        return new TakeMeldplichtStep(INCIDENT_ID, null, actor, day(5), details);
    }

    private static TakeMeldplichtStep byTheBoard(MeldplichtStepDetails details) {
        return take(BOARD_OFFICER, details);
    }

    private static MeldplichtStepTaken taken(Actor actor, MeldplichtStepDetails details, int minutesSinceFirstKnown) {
        return new MeldplichtStepTaken(INCIDENT_ID, SCHOOL, actor, day(5), details, minutesSinceFirstKnown);
    }

    // ---- step 1: whoever learns of it tells the board at once

    @Test
    void whoeverLearnsOfItInformsTheBoardAndTheTimeSinceTheSchoolKnewIsRecorded() {
        MeldplichtStepDetails boardInformed = meldplichtStep(MeldplichtStep.BOARD_INFORMED, minutes(75));
        fixture.given(History.meldplicht().events())
                .when(take(CONFIDANT, boardInformed))
                .expectEvents(taken(CONFIDANT, boardInformed, 45));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TEACHER", "CARE_COORDINATOR", "ADVISOR", "PRINCIPAL", "CONFIDANT", "BOARD_OFFICER"})
    void everyoneWhoMayRecordAnIncidentMayInformTheBoard(Role role) {
        fixture.given(History.meldplicht().events())
                .when(take(new Actor("person-1", role), meldplichtStep(MeldplichtStep.BOARD_INFORMED, minutes(75))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theBoardCannotHaveBeenInformedBeforeTheSchoolKnew() {
        fixture.given(History.meldplicht().events())
                .when(take(TEACHER, meldplichtStep(MeldplichtStep.BOARD_INFORMED, KNOWN.minusSeconds(60))))
                .expectException(violates(IncidentRule.MOMENT_BEFORE_KNOWN, "takenAt"))
                .expectNoEvents();
    }

    // ---- who takes the later steps

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TEACHER", "CARE_COORDINATOR", "ADVISOR", "PRINCIPAL", "CONFIDANT", "CLUSTER_DIRECTOR"})
    void afterTheBoardWasInformedOnlyTheBoardOfficerTakesTheSteps(Role role) {
        fixture.given(History.meldplicht().boardInformed().events())
                .when(take(new Actor("person-1", role), inspectorConsulted(day(1), true)))
                .expectException(violates(IncidentRule.ONLY_BOARD_OFFICER))
                .expectNoEvents();
    }

    @Test
    void theAuditorDoesNotInformTheBoard() {
        fixture.given(History.meldplicht().events())
                .when(take(new Actor("insp-ida", Role.AUDITOR), meldplichtStep(MeldplichtStep.BOARD_INFORMED, minutes(75))))
                .expectException(violates(IncidentRule.ROLE_NOT_PERMITTED));
    }

    // ---- the order

    static Stream<Arguments> stepsOutOfOrder() {
        return Stream.of(
                Arguments.of("the inspector before the board", History.meldplicht(), inspectorConsulted(day(1), true)),
                Arguments.of("the board twice", History.meldplicht().boardInformed(), meldplichtStep(MeldplichtStep.BOARD_INFORMED, day(1))),
                Arguments.of("a decision before the inspector", History.meldplicht().boardInformed(), policeReportDecided(day(1), true)),
                Arguments.of("the parties before the decision", History.meldplicht().inspectorConsulted(true),
                        meldplichtStep(MeldplichtStep.PARTIES_INFORMED, day(1))),
                Arguments.of("filing before informing the parties", History.meldplicht().policeReportDecided(true, true),
                        meldplichtStep(MeldplichtStep.POLICE_REPORT_FILED, day(2))),
                Arguments.of("a second decision", History.meldplicht().policeReportDecided(true, true), policeReportDecided(day(2), true)),
                Arguments.of("anything after the report was filed", History.meldplicht().reportFiled(),
                        meldplichtStep(MeldplichtStep.PARTIES_INFORMED, day(4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepsOutOfOrder")
    void theStepsOfTheMeldplichtAreTakenStrictlyInOrder(String scenario, History history, MeldplichtStepDetails step) {
        fixture.given(history.events())
                .when(byTheBoard(step))
                .expectException(violates(IncidentRule.MELDPLICHT_ORDER, "step"))
                .expectNoEvents();
    }

    @Test
    void aStepCannotLieBeforeThePreviousStep() {
        fixture.given(History.meldplicht().boardInformed().events())
                .when(byTheBoard(inspectorConsulted(minutes(60), true)))
                .expectException(violates(IncidentRule.MELDPLICHT_STEP_BEFORE_PREVIOUS, "takenAt"));
    }

    // ---- the vertrouwensinspecteur

    @Test
    void theBoardConsultsTheVertrouwensinspecteur() {
        MeldplichtStepDetails consulted = inspectorConsulted(day(1), true);
        fixture.given(History.meldplicht().boardInformed().events())
                .when(byTheBoard(consulted))
                .expectEvents(taken(BOARD_OFFICER, consulted, 1410));
    }

    @Test
    void theInspectorsFindingOnAReasonableSuspicionIsRecorded() {
        fixture.given(History.meldplicht().boardInformed().events())
                .when(byTheBoard(inspectorConsulted(day(1), null)))
                .expectException(violates(IncidentRule.REASONABLE_SUSPICION_REQUIRED, "reasonableSuspicion"))
                .expectNoEvents();
    }

    // ---- the decision on a police report

    @Test
    void theBoardMustFileAPoliceReportWhenTheInspectorFindsAReasonableSuspicion() {
        fixture.given(History.meldplicht().inspectorConsulted(true).events())
                .when(byTheBoard(policeReportDecided(day(1), false)))
                .expectException(violates(IncidentRule.POLICE_REPORT_REQUIRED, "fileReport"))
                .expectNoEvents();
    }

    @Test
    void theBoardDecidesToFileAPoliceReportOnAReasonableSuspicion() {
        MeldplichtStepDetails decided = policeReportDecided(day(1), true);
        fixture.given(History.meldplicht().inspectorConsulted(true).events())
                .when(byTheBoard(decided))
                .expectEvents(taken(BOARD_OFFICER, decided, 1410));
    }

    @Test
    void withoutAReasonableSuspicionTheBoardMayDecideNotToFile() {
        fixture.given(History.meldplicht().inspectorConsulted(false).events())
                .when(byTheBoard(policeReportDecided(day(1), false)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theDecisionOnAPoliceReportIsExplicit() {
        fixture.given(History.meldplicht().inspectorConsulted(false).events())
                .when(byTheBoard(policeReportDecided(day(1), null)))
                .expectException(violates(IncidentRule.POLICE_REPORT_DECISION_REQUIRED, "fileReport"));
    }

    @Test
    void theDecisionOnAPoliceReportStatesItsRationale() {
        fixture.given(History.meldplicht().inspectorConsulted(false).events())
                .when(byTheBoard(new MeldplichtStepDetails(MeldplichtStep.POLICE_REPORT_DECIDED, day(1), List.of(), null, null, false, " ", null)))
                .expectException(violates(IncidentRule.POLICE_REPORT_DECISION_REQUIRED, "rationale"));
    }

    // ---- informing the parties and filing

    @Test
    void theBoardInformsThePartiesAndNamesWhoWasInformed() {
        fixture.given(History.meldplicht().policeReportDecided(true, true).events())
                .when(byTheBoard(new MeldplichtStepDetails(MeldplichtStep.PARTIES_INFORMED, day(2), List.of(), null, null, null, null, null)))
                .expectException(violates(IncidentRule.INFORMED_REQUIRED, "informed"));
    }

    @Test
    void theBoardFilesThePoliceReportAfterInformingTheParties() {
        MeldplichtStepDetails filed = meldplichtStep(MeldplichtStep.POLICE_REPORT_FILED, day(3));
        fixture.given(History.meldplicht().partiesInformed(true, true).events())
                .when(byTheBoard(filed))
                .expectEvents(taken(BOARD_OFFICER, filed, 4290));
    }

    @Test
    void aPoliceReportIsFiledOnlyAfterDecidingToFileOne() {
        fixture.given(History.meldplicht().partiesInformed(false, false).events())
                .when(byTheBoard(meldplichtStep(MeldplichtStep.POLICE_REPORT_FILED, day(3))))
                .expectException(violates(IncidentRule.NO_POLICE_REPORT_DECIDED, "step"))
                .expectNoEvents();
    }

    @Test
    void theFiledReportCarriesThePoliceReference() {
        fixture.given(History.meldplicht().partiesInformed(true, true).events())
                .when(byTheBoard(new MeldplichtStepDetails(MeldplichtStep.POLICE_REPORT_FILED, day(3), List.of(), null, null, null, null, "")))
                .expectException(violates(IncidentRule.POLICE_REFERENCE_REQUIRED, "policeReference"));
    }

    // ---- each step carries only what belongs to it

    static Stream<Arguments> fieldsOfAnotherStep() {
        return Stream.of(
                Arguments.of("reasonableSuspicion", History.meldplicht(),
                        new MeldplichtStepDetails(MeldplichtStep.BOARD_INFORMED, minutes(75), List.of(), null, true, null, null, null)),
                Arguments.of("fileReport", History.meldplicht().boardInformed(),
                        new MeldplichtStepDetails(MeldplichtStep.INSPECTOR_CONSULTED, day(1), List.of(), null, true, true, null, null)),
                Arguments.of("rationale", History.meldplicht().policeReportDecided(true, true),
                        new MeldplichtStepDetails(MeldplichtStep.PARTIES_INFORMED, day(2), List.of("ouders"), null, null, null, "Omdat.", null)),
                Arguments.of("policeReference", History.meldplicht().inspectorConsulted(true),
                        new MeldplichtStepDetails(MeldplichtStep.POLICE_REPORT_DECIDED, day(1), List.of(), null, null, true, "Verplicht.", "PV-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fieldsOfAnotherStep")
    void eachStepCarriesOnlyItsOwnFields(String field, History history, MeldplichtStepDetails step) {
        Actor actor = step.step() == MeldplichtStep.BOARD_INFORMED ? PRINCIPAL : BOARD_OFFICER;
        fixture.given(history.events())
                .when(take(actor, step))
                .expectException(violates(IncidentRule.FIELD_NOT_FOR_STEP, field));
    }

    // ---- other tracks

    @Test
    void aBullyingIncidentHasNoMeldplicht() {
        fixture.given(History.bullying().events())
                .when(take(TEACHER, meldplichtStep(MeldplichtStep.BOARD_INFORMED, minutes(75))))
                .expectException(violates(IncidentRule.WRONG_TRACK))
                .expectNoEvents();
    }
}
