package nl.meldspoor.signals.pupil;

import static nl.meldspoor.platform.testing.Violations.violates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.AddParentView;
import nl.meldspoor.api.signal.AnswerCorrectionRequest;
import nl.meldspoor.api.signal.CorrectSignal;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.CorrectionRequestAnswered;
import nl.meldspoor.api.signal.EscalateSignals;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InformationSource;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.RecordSignal;
import nl.meldspoor.api.signal.RequestSignalCorrection;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrection;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalRule;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PupilFileTest {

    private static final String PUPIL = "pupil-9c1e";
    private static final String SCHOOL = "school-a";
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Actor OTHER_TEACHER = new Actor("lk-gijs", Role.TEACHER);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    private static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    private static final Instant T0 = Instant.parse("2026-11-09T10:00:00Z");
    private static final CaseTeam TEAM = new CaseTeam(IB.personId(), "af-bram", "school-b", PRINCIPAL.personId());

    private FixtureConfiguration<PupilFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PupilFile.class);
        fixture.registerInjectableResource(new RegisteredPupils().register(PUPIL, SCHOOL).register("pupil-elders", "school-b"));
    }

    private static SignalContent content(String text, SignalFlag... flags) {
        return new SignalContent(T0.minusSeconds(3600), "speelplaats", "pauze",
                List.of(new Statement(text, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("M.K."), SignalCategory.HOME_SITUATION, Set.of(flags), List.of(), TEACHER);
    }

    private static SignalRecorded recorded(String signalId, SignalContent content) {
        return new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, signalId, "family-3", content, content.isUrgent());
    }

    private static RecordSignal record(String signalId, SignalContent content) {
        return new RecordSignal(PUPIL, null, TEACHER, T0, signalId, content, SCHOOL, "family-3");
    }


    @Test
    void aSignalIsRecordedInThePupilsFile() {
        fixture.givenNoPriorActivity()
                .when(record("sig-1", content("Blauwe plek op de wang.")))
                .expectEvents(recorded("sig-1", content("Blauwe plek op de wang.")));
    }

    @Test
    void aDisclosureStartsTheUrgentPathExplicitly() {
        SignalContent disclosure = content("Zegt dat papa haar slaat.", SignalFlag.DISCLOSURE);
        fixture.givenNoPriorActivity()
                .when(record("sig-1", disclosure))
                .expectEvents(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", disclosure, true));
    }

    @Test
    void honourRelatedViolenceStartsTheUrgentPath() {
        SignalContent honour = content("Vertelt dat ze uitgehuwelijkt wordt.", SignalFlag.HONOUR_RELATED);
        fixture.givenNoPriorActivity()
                .when(record("sig-1", honour))
                .expectEvents(new SignalRecorded(PUPIL, SCHOOL, TEACHER, T0, "sig-1", "family-3", honour, true));
    }

    @Test
    void thirdPartyInformationWithoutTheSourcesConsentIsNotRecorded() {
        SignalContent hearsay = new SignalContent(T0.minusSeconds(60), "hek", "ophalen",
                List.of(new Statement("Buurman hoorde geschreeuw.", StatementKind.FACT, InformationOrigin.THIRD_PARTY,
                        new InformationSource("buurman", false))),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);
        fixture.givenNoPriorActivity()
                .when(record("sig-1", hearsay))
                .expectException(violates(SignalRule.SOURCE_CONSENT_REQUIRED))
                .expectNoEvents();
    }

    @Test
    void othersPresentByNameAreRefused() {
        SignalContent named = new SignalContent(T0.minusSeconds(60), "klas", "kring", content("x").statements(),
                List.of("Pieter Jansen"), SignalCategory.SOCIAL_EMOTIONAL, Set.of(), List.of(), TEACHER);
        fixture.givenNoPriorActivity()
                .when(record("sig-1", named))
                .expectException(violates(SignalRule.OTHERS_PRESENT_INITIALS_ONLY));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CLUSTER_DIRECTOR", "BOARD_OFFICER", "AUDITOR"})
    void rolesAboveTheSchoolRecordNoSignals(Role role) {
        fixture.givenNoPriorActivity()
                .when(new RecordSignal(PUPIL, null, new Actor("x", role), T0, "sig-1", content("x"), SCHOOL, null))
                .expectException(violates(PupilFileRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void aSignalForAReferenceTheSchoolNeverRegisteredIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignal("pupil-7f3a", null, TEACHER, T0, "sig-1", content("Blauwe plek."), SCHOOL, null))
                .expectException(violates(PupilFileRule.PUPIL_NOT_REGISTERED_AT_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void aSignalForAPupilRegisteredAtAnotherSchoolIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordSignal("pupil-elders", null, TEACHER, T0, "sig-1", content("Blauwe plek."), SCHOOL, null))
                .expectException(violates(PupilFileRule.PUPIL_NOT_REGISTERED_AT_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void signalsOfAPupilNoLongerRegisteredAtTheSchoolAreNotEscalated() {
        fixture.given(new SignalRecorded("pupil-elders", SCHOOL, TEACHER, T0, "sig-1", null, content("Blauwe plek."), false))
                .when(new EscalateSignals("pupil-elders", null, IB, T0.plusSeconds(600), "case-7",
                        new Escalation(SCHOOL, List.of("sig-1"), TEAM, "Zorgen.")))
                .expectException(violates(PupilFileRule.PUPIL_NOT_REGISTERED_AT_SCHOOL))
                .expectNoEvents();
    }

    @Test
    void theSameSignalSentTwiceIsRecordedOnce() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(record("sig-1", content("Blauwe plek.")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherSignalUnderAKnownIdIsRefused() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(record("sig-1", content("Iets anders.")))
                .expectException(violates(PupilFileRule.SIGNAL_ALREADY_RECORDED));
    }

    @Test
    void aCorrectionIsANewFactWithAReason() {
        SignalCorrection correction = new SignalCorrection(content("Blauwe plek op de arm, niet de wang."), "Verkeerd lichaamsdeel genoteerd.");
        fixture.given(recorded("sig-1", content("Blauwe plek op de wang.")))
                .when(new CorrectSignal(PUPIL, null, TEACHER, T0.plusSeconds(60), "sig-1", correction))
                .expectEvents(new SignalCorrected(PUPIL, SCHOOL, TEACHER, T0.plusSeconds(60), "sig-1", correction.correctedContent(),
                        correction.reason(), null));
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(recorded("sig-1", content("Blauwe plek op de wang.")))
                .when(new CorrectSignal(PUPIL, null, TEACHER, T0, "sig-1", new SignalCorrection(content("Anders."), " ")))
                .expectException(violates(PupilFileRule.TEXT_REQUIRED));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(recorded("sig-1", content("Blauwe plek op de wang.")))
                .when(new CorrectSignal(PUPIL, null, TEACHER, T0, "sig-1", new SignalCorrection(content("Blauwe plek op de wang."), "Niets.")))
                .expectException(violates(PupilFileRule.NOTHING_TO_CORRECT));
    }

    @Test
    void anotherTeacherDoesNotCorrectSomeoneElsesSignal() {
        fixture.given(recorded("sig-1", content("Blauwe plek op de wang.")))
                .when(new CorrectSignal(PUPIL, null, OTHER_TEACHER, T0, "sig-1", new SignalCorrection(content("Anders."), "Reden.")))
                .expectException(violates(PupilFileRule.CORRECTION_NOT_PERMITTED));
    }

    @Test
    void anUnknownSignalIsNotFound() {
        fixture.given(recorded("sig-1", content("x")))
                .when(new AddParentView(PUPIL, null, IB, T0, "sig-404", new ParentView("moeder", LocalDate.of(2026, 11, 10), "Klopt niet.")))
                .expectException(violates(PupilFileRule.SIGNAL_UNKNOWN));
    }

    @Test
    void theParentsViewIsAddedToTheRecord() {
        ParentView view = new ParentView("moeder", LocalDate.of(2026, 11, 10), "Hij is van de fiets gevallen.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new AddParentView(PUPIL, null, IB, T0.plusSeconds(86_400), "sig-1", view))
                .expectEvents(new ParentViewAdded(PUPIL, SCHOOL, IB, T0.plusSeconds(86_400), "sig-1", view));
    }

    @Test
    void aWrittenCorrectionRequestIsAnsweredWithinFourWeeks() {
        CorrectionRequest request = new CorrectionRequest("beide ouders", LocalDate.of(2026, 11, 12), true, "De plek kwam van de judoles.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new RequestSignalCorrection(PUPIL, null, IB, T0.plusSeconds(3 * 86_400), "sig-1", "req-1", request))
                .expectEvents(new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0.plusSeconds(3 * 86_400), "sig-1", "req-1", request,
                        LocalDate.of(2026, 12, 10)));
    }

    @Test
    void aCorrectionRequestIsMadeInWriting() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new RequestSignalCorrection(PUPIL, null, IB, T0, "sig-1", "req-1",
                        new CorrectionRequest("moeder", LocalDate.of(2026, 11, 12), false, "Mondeling verzoek.")))
                .expectException(violates(PupilFileRule.WRITTEN_REQUEST_REQUIRED));
    }

    @Test
    void aGrantedRequestMarksTheRecordCorrectedAndKeepsBothInTheHistory() {
        CorrectionRequest request = new CorrectionRequest("beide ouders", LocalDate.of(2026, 11, 12), true, "De plek kwam van de judoles.");
        SignalContent corrected = content("Blauwe plek; volgens ouders van de judoles.");
        CorrectionAnswer answer = new CorrectionAnswer(true, "Ouders lieten een verklaring van de judoleraar zien.", LocalDate.of(2026, 11, 20), corrected);
        fixture.given(recorded("sig-1", content("Blauwe plek.")),
                        new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)))
                .when(new AnswerCorrectionRequest(PUPIL, null, PRINCIPAL, T0.plusSeconds(11 * 86_400), "sig-1", "req-1", answer))
                .expectEvents(
                        new CorrectionRequestAnswered(PUPIL, SCHOOL, PRINCIPAL, T0.plusSeconds(11 * 86_400), "sig-1", "req-1", answer, false),
                        new SignalCorrected(PUPIL, SCHOOL, PRINCIPAL, T0.plusSeconds(11 * 86_400), "sig-1", corrected,
                                "Op schriftelijk verzoek van de ouders: " + answer.explanation(), "req-1"));
    }

    @Test
    void anAnswerAfterFourWeeksIsMarkedLate() {
        CorrectionRequest request = new CorrectionRequest("moeder", LocalDate.of(2026, 11, 12), true, "Klopt niet.");
        CorrectionAnswer refusal = new CorrectionAnswer(false, "De waarneming is feitelijk juist vastgelegd.", LocalDate.of(2026, 12, 11), null);
        fixture.given(recorded("sig-1", content("Blauwe plek.")),
                        new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)))
                .when(new AnswerCorrectionRequest(PUPIL, null, IB, T0.plusSeconds(32 * 86_400), "sig-1", "req-1", refusal))
                .expectEvents(new CorrectionRequestAnswered(PUPIL, SCHOOL, IB, T0.plusSeconds(32 * 86_400), "sig-1", "req-1", refusal, true));
    }

    @Test
    void grantingARequestNeedsTheCorrectedContent() {
        CorrectionRequest request = new CorrectionRequest("moeder", LocalDate.of(2026, 11, 12), true, "Klopt niet.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")),
                        new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)))
                .when(new AnswerCorrectionRequest(PUPIL, null, PRINCIPAL, T0, "sig-1", "req-1",
                        new CorrectionAnswer(true, "Toegekend.", LocalDate.of(2026, 11, 20), null)))
                .expectException(violates(PupilFileRule.CORRECTED_CONTENT_REQUIRED));
    }

    @Test
    void aTeacherDoesNotAnswerACorrectionRequest() {
        CorrectionRequest request = new CorrectionRequest("moeder", LocalDate.of(2026, 11, 12), true, "Klopt niet.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")),
                        new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)))
                .when(new AnswerCorrectionRequest(PUPIL, null, TEACHER, T0, "sig-1", "req-1",
                        new CorrectionAnswer(false, "Nee.", LocalDate.of(2026, 11, 20), null)))
                .expectException(violates(PupilFileRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void oneCorrectionRequestAtATime() {
        CorrectionRequest request = new CorrectionRequest("moeder", LocalDate.of(2026, 11, 12), true, "Klopt niet.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")),
                        new SignalCorrectionRequested(PUPIL, SCHOOL, IB, T0, "sig-1", "req-1", request, LocalDate.of(2026, 12, 10)))
                .when(new RequestSignalCorrection(PUPIL, null, IB, T0, "sig-1", "req-2", request))
                .expectException(violates(PupilFileRule.CORRECTION_REQUEST_PENDING));
    }

    @Test
    void signalsAreEscalatedIntoACaseWithWhatTheyNowSay() {
        SignalContent corrected = content("Blauwe plek op de arm.");
        Escalation escalation = new Escalation(SCHOOL, List.of("sig-1", "sig-2"), TEAM, "Herhaalde blauwe plekken.");
        fixture.given(recorded("sig-1", content("Blauwe plek.")), recorded("sig-2", content("Schrikt van aanraking.")),
                        new SignalCorrected(PUPIL, SCHOOL, TEACHER, T0, "sig-1", corrected, "Preciezer.", null))
                .when(new EscalateSignals(PUPIL, null, IB, T0.plusSeconds(600), "case-7", escalation))
                .expectEvents(new SignalsEscalated(PUPIL, SCHOOL, IB, T0.plusSeconds(600), "case-7", "family-3", TEAM, escalation.concern(),
                        List.of(new AttachedSignal("sig-1", corrected), new AttachedSignal("sig-2", content("Schrikt van aanraking.")))));
    }

    @Test
    void aTeacherEscalatesToTheCareCoordinatorRatherThanOpeningACase() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new EscalateSignals(PUPIL, null, TEACHER, T0, "case-7", new Escalation(SCHOOL, List.of("sig-1"), TEAM, "Zorgen.")))
                .expectException(violates(PupilFileRule.ROLE_NOT_PERMITTED));
    }

    @Test
    void onlySignalsOfTheSchoolGoIntoItsCase() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new EscalateSignals(PUPIL, null, IB, T0, "case-7", new Escalation("school-b", List.of("sig-1"), TEAM, "Zorgen.")))
                .expectException(violates(PupilFileRule.SIGNAL_OF_OTHER_SCHOOL));
    }

    @Test
    void unknownSignalsCannotBeEscalated() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new EscalateSignals(PUPIL, null, IB, T0, "case-7", new Escalation(SCHOOL, List.of("sig-1", "sig-9"), TEAM, "Zorgen.")))
                .expectException(violates(PupilFileRule.SIGNAL_UNKNOWN));
    }

    @Test
    void anEscalationNeedsACompleteCaseTeam() {
        fixture.given(recorded("sig-1", content("Blauwe plek.")))
                .when(new EscalateSignals(PUPIL, null, IB, T0, "case-7",
                        new Escalation(SCHOOL, List.of("sig-1"), new CaseTeam(IB.personId(), "af", "school-b", ""), "Zorgen.")))
                .expectException(violates(PupilFileRule.CASE_TEAM_INCOMPLETE));
    }
}
