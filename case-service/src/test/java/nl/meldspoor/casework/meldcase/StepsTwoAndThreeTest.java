package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.T0;
import static nl.meldspoor.casework.meldcase.CaseTestData.TEACHER;
import static nl.meldspoor.casework.meldcase.CaseTestData.colleagueConsultation;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.parentConversation;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.CaseTestData.skip;
import static nl.meldspoor.casework.meldcase.CaseTestData.veiligThuisConsultation;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.util.List;
import nl.meldspoor.api.meldcase.ChildConversation;
import nl.meldspoor.api.meldcase.ChildConversationSkip;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.ConsultExpert;
import nl.meldspoor.api.meldcase.ConsultVeiligThuis;
import nl.meldspoor.api.meldcase.ExpertConsultation;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.ExpertType;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.SkipTalkWithChild;
import nl.meldspoor.api.meldcase.SkipTalkWithParents;
import nl.meldspoor.api.meldcase.TalkToChild;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StepsTwoAndThreeTest {

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    @Test
    void aColleagueConsultationIsRecorded() {
        fixture.given(History.opened().events())
                .when(new ConsultColleague(CASE_ID, null, IB, day(1), colleagueConsultation()))
                .expectEvents(new ColleagueConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(1), colleagueConsultation()));
    }

    @Test
    void adviceFromVeiligThuisIsRecordedAlsoAnonymously() {
        fixture.given(History.opened().events())
                .when(new ConsultVeiligThuis(CASE_ID, null, IB, day(1), veiligThuisConsultation()))
                .expectEvents(new VeiligThuisConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(1), veiligThuisConsultation()));
    }

    @ParameterizedTest
    @EnumSource(ParentContactSkipReason.class)
    void parentsConversationIsSkippedForAPermittedReasonAfterVeiligThuisAdvice(ParentContactSkipReason reason) {
        fixture.given(History.opened().consultedVeiligThuis().events())
                .when(new SkipTalkWithParents(CASE_ID, null, IB, day(2), skip(reason)))
                .expectEvents(new TalkWithParentsSkipped(CASE_ID, SCHOOL, PUPIL, IB, day(2), skip(reason)));
    }

    @Test
    void parentsConversationCannotBeSkippedWithoutVeiligThuisAdvice() {
        fixture.given(History.opened().consultedColleague().events())
                .when(new SkipTalkWithParents(CASE_ID, null, IB, day(2), skip(ParentContactSkipReason.SAFETY_OF_CHILD)))
                .expectException(violates(CaseRule.VEILIG_THUIS_CONSULTATION_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void parentsConversationCannotBeSkippedWithoutAReasonFromTheList() {
        fixture.given(History.opened().consultedVeiligThuis().events())
                .when(new SkipTalkWithParents(CASE_ID, null, IB, day(2), new ParentContactSkip(null, "Liever niet.")))
                .expectException(violates(CaseRule.SKIP_REASON_REQUIRED));
    }

    @Test
    void parentsConversationCannotBeSkippedWithoutDescribingTheConsiderations() {
        fixture.given(History.opened().consultedVeiligThuis().events())
                .when(new SkipTalkWithParents(CASE_ID, null, IB, day(2), new ParentContactSkip(ParentContactSkipReason.SAFETY_OF_CHILD, " ")))
                .expectException(violates(CaseRule.SKIP_REASON_REQUIRED));
    }

    @Test
    void onTheUrgentPathParentsAreNotTalkedToBeforeVeiligThuisIsConsulted() {
        fixture.given(History.opened(signal("sig-1", SignalFlag.DISCLOSURE)).events())
                .when(new TalkToParents(CASE_ID, null, IB, day(2), parentConversation()))
                .expectException(violates(CaseRule.URGENT_PATH_VEILIG_THUIS_FIRST));
    }

    @Test
    void honourRelatedViolenceAlsoKeepsTheParentsOutUntilVeiligThuisWasConsulted() {
        fixture.given(History.opened(signal("sig-1", SignalFlag.HONOUR_RELATED)).events())
                .when(new TalkToParents(CASE_ID, null, IB, day(2), parentConversation()))
                .expectException(violates(CaseRule.URGENT_PATH_VEILIG_THUIS_FIRST));
    }

    @Test
    void onTheUrgentPathParentsMayBeTalkedToOnVeiligThuisAdvice() {
        fixture.given(History.opened(signal("sig-1", SignalFlag.DISCLOSURE)).consultedVeiligThuis().events())
                .when(new TalkToParents(CASE_ID, null, IB, day(2), parentConversation()))
                .expectEvents(new ParentsTalkedTo(CASE_ID, SCHOOL, PUPIL, IB, day(2), parentConversation()));
    }

    @Test
    void parentsCanBeTalkedToAgainAtALaterStep() {
        fixture.given(History.stepsOneToThree().suspicion().safe().events())
                .when(new TalkToParents(CASE_ID, null, IB, day(4), parentConversation()))
                .expectEvents(new ParentsTalkedTo(CASE_ID, SCHOOL, PUPIL, IB, day(4), parentConversation()));
    }

    @Test
    void anIdentifiablePupilIsNotDiscussedWithAnExpertWithoutConsent() {
        fixture.given(History.opened().events())
                .when(new ConsultExpert(CASE_ID, null, IB, day(1), expert(ExpertType.YOUTH_DOCTOR, true)))
                .expectException(violates(CaseRule.CONSENT_REQUIRED));
    }

    @Test
    void refusedConsentKeepsAnIdentifiablePupilFromExperts() {
        fixture.given(History.opened().consent(ConsentAnswer.REFUSED).events())
                .when(new ConsultExpert(CASE_ID, null, IB, day(3), expert(ExpertType.SCHOOL_SOCIAL_WORK, true)))
                .expectException(violates(CaseRule.CONSENT_REQUIRED));
    }

    @Test
    void withConsentAnIdentifiablePupilIsDiscussedWithAnExpert() {
        fixture.given(History.opened().consent(ConsentAnswer.GIVEN).events())
                .when(new ConsultExpert(CASE_ID, null, IB, day(3), expert(ExpertType.YOUTH_DOCTOR, true)))
                .expectEvents(new ExpertConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(3), expert(ExpertType.YOUTH_DOCTOR, true)));
    }

    @ParameterizedTest
    @EnumSource(value = ExpertType.class, names = {"LEC_EGG", "RAAD_VOOR_DE_KINDERBESCHERMING", "POLICE", "CERTIFIED_INSTITUTION"})
    void informationMayGoWithoutConsentToThePartiesTheLawNames(ExpertType expert) {
        fixture.given(History.opened().consent(ConsentAnswer.REFUSED).events())
                .when(new ConsultExpert(CASE_ID, null, IB, day(3), expert(expert, true)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAnonymousConsultationNeedsNoConsent() {
        fixture.given(History.opened().events())
                .when(new ConsultExpert(CASE_ID, null, IB, day(3), expert(ExpertType.INJURY_ASSESSMENT, false)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theChildsOwnViewIsRecorded() {
        ChildConversation conversation = new ChildConversation(day(2), List.of(IB.personId()), "Ik ben gevallen van de trap, zegt ze.");
        fixture.given(History.opened().events())
                .when(new TalkToChild(CASE_ID, null, IB, day(2), conversation))
                .expectEvents(new ChildTalkedTo(CASE_ID, SCHOOL, PUPIL, IB, day(2), conversation));
    }

    @Test
    void notTalkingWithTheChildNeedsAReason() {
        fixture.given(History.opened().events())
                .when(new SkipTalkWithChild(CASE_ID, null, IB, day(2), new ChildConversationSkip("")))
                .expectException(violates(CaseRule.TEXT_REQUIRED));
    }

    @Test
    void anInvolvedTeacherTalksToTheParents() {
        fixture.given(History.opened().events()[0], new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, T0, TEACHER.personId()))
                .when(new TalkToParents(CASE_ID, null, TEACHER, day(2), parentConversation()))
                .expectEvents(new ParentsTalkedTo(CASE_ID, SCHOOL, PUPIL, TEACHER, day(2), parentConversation()));
    }

    @Test
    void aTeacherDoesNotDecideToSkipTheParents() {
        fixture.given(History.opened().events()[0], new TeacherInvolved(CASE_ID, SCHOOL, PUPIL, IB, T0, TEACHER.personId()))
                .when(new SkipTalkWithParents(CASE_ID, null, TEACHER, day(2), skip(ParentContactSkipReason.SAFETY_OF_CHILD)))
                .expectException(violates(CaseRule.ROLE_NOT_PERMITTED));
    }

    private static ExpertConsultation expert(ExpertType type, boolean identifiable) {
        return new ExpertConsultation(day(3), type, "deskundige", identifiable, "Hoe duiden wij dit letsel?", "Laat het kind zien door de jeugdarts.");
    }
}
