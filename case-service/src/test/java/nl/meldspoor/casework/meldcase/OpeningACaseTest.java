package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.T0;
import static nl.meldspoor.casework.meldcase.CaseTestData.TEACHER;
import static nl.meldspoor.casework.meldcase.CaseTestData.content;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.opened;
import static nl.meldspoor.casework.meldcase.CaseTestData.opening;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.util.List;
import java.util.Set;
import nl.meldspoor.api.meldcase.AttachSignal;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.InvolveTeacher;
import nl.meldspoor.api.meldcase.OpenCase;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InformationSource;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalRule;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpeningACaseTest {

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    @Test
    void caseIsOpenedWithTheSignalsThatLedToIt() {
        CaseOpening opening = opening(signal("sig-1"), signal("sig-2"));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseOpened(CASE_ID, SCHOOL, PUPIL, IB, T0, opening));
    }

    @Test
    void caseCannotBeOpenedWithoutSignals() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening()))
                .expectException(violates(CaseRule.SIGNAL_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void caseCannotBeOpenedWithoutAPrincipalResponsibleForIt() {
        CaseOpening opening = new CaseOpening(SCHOOL, PUPIL, null, new CaseTeam(IB.personId(), "af-bram", "school-b", " "),
                "Zorgen.", List.of(signal("sig-1")));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening))
                .expectException(violates(CaseRule.CASE_TEAM_INCOMPLETE));
    }

    @Test
    void thirdPartyInformationWithoutSourceIsRefused() {
        AttachedSignal hearsay = new AttachedSignal("sig-1", withStatement(
                new Statement("Buurvrouw hoorde 's avonds geschreeuw.", StatementKind.FACT, InformationOrigin.THIRD_PARTY, null)));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(hearsay)))
                .expectException(violates(SignalRule.THIRD_PARTY_SOURCE_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void thirdPartyInformationWhoseSourceDidNotConsentIsRefused() {
        AttachedSignal hearsay = new AttachedSignal("sig-1", withStatement(new Statement("Geschreeuw in de avond.",
                StatementKind.FACT, InformationOrigin.THIRD_PARTY, new InformationSource("buurvrouw", false))));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(hearsay)))
                .expectException(violates(SignalRule.SOURCE_CONSENT_REQUIRED));
    }

    @Test
    void thirdPartyInformationWithAConsentingSourceIsRecorded() {
        AttachedSignal hearsay = new AttachedSignal("sig-1", withStatement(new Statement("Geschreeuw in de avond.",
                StatementKind.INTERPRETATION, InformationOrigin.THIRD_PARTY, new InformationSource("buurvrouw", true))));
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(hearsay)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void othersPresentAreRecordedByInitialsOnly() {
        SignalContent named = new SignalContent(T0.minusSeconds(60), "speelplaats", "pauze", content().statements(),
                List.of("Jan de Vries"), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(new AttachedSignal("sig-1", named))))
                .expectException(violates(SignalRule.OTHERS_PRESENT_INITIALS_ONLY));
    }

    @Test
    void aSignalObservedAfterItsRecordingIsRefused() {
        SignalContent future = new SignalContent(T0.plusSeconds(3600), "speelplaats", "pauze", content().statements(),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(new AttachedSignal("sig-1", future))))
                .expectException(violates(SignalRule.OBSERVED_AFTER_RECORDING));
    }

    @Test
    void theSameSignalCannotBeListedTwice() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, IB, T0, opening(signal("sig-1"), signal("sig-1"))))
                .expectException(violates(CaseRule.DUPLICATE_SIGNAL));
    }

    @Test
    void aTeacherCannotOpenACaseButEscalatesToTheCareCoordinator() {
        fixture.givenNoPriorActivity()
                .when(new OpenCase(CASE_ID, TEACHER, T0, opening(signal("sig-1"))))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void aFurtherSignalIsAttachedWithItsContent() {
        AttachedSignal later = signal("sig-2");
        fixture.given(opened())
                .when(new AttachSignal(CASE_ID, null, IB, day(1), later))
                .expectEvents(new SignalAttached(CASE_ID, SCHOOL, PUPIL, IB, day(1), later));
    }

    @Test
    void attachingASignalAgainChangesNothing() {
        fixture.given(opened(signal("sig-1")))
                .when(new AttachSignal(CASE_ID, null, IB, day(1), signal("sig-1")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDifferentSignalUnderAKnownIdIsRefused() {
        AttachedSignal changed = new AttachedSignal("sig-1", withStatement(
                new Statement("Iets anders.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)));
        fixture.given(opened(signal("sig-1")))
                .when(new AttachSignal(CASE_ID, null, IB, day(1), changed))
                .expectException(violates(CaseRule.SIGNAL_ALREADY_ATTACHED));
    }

    @Test
    void aTeacherTakesPartOnlyOnceAddedToTheCase() {
        fixture.given(opened())
                .when(new AttachSignal(CASE_ID, null, TEACHER, day(1), signal("sig-2")))
                .expectException(violates(CaseRule.TEACHER_NOT_INVOLVED));

        fixture.given(opened(), new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, T0, TEACHER.personId()))
                .when(new AttachSignal(CASE_ID, null, TEACHER, day(1), signal("sig-2")))
                .expectEvents(new SignalAttached(CASE_ID, SCHOOL, PUPIL, TEACHER, day(1), signal("sig-2")));
    }

    @Test
    void involvingATeacherIsRecordedOnce() {
        fixture.given(opened())
                .when(new InvolveTeacher(CASE_ID, null, IB, day(1), TEACHER.personId()))
                .expectEvents(new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, day(1), TEACHER.personId()));

        fixture.given(opened(), new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, T0, TEACHER.personId()))
                .when(new InvolveTeacher(CASE_ID, null, IB, day(1), TEACHER.personId()))
                .expectNoEvents();
    }

    private static SignalContent withStatement(Statement statement) {
        SignalContent base = content();
        return new SignalContent(base.observedAt(), base.place(), base.situation(), List.of(statement), base.othersPresent(),
                base.category(), base.flags(), base.indicatorCodes(), base.recordedBy());
    }
}
