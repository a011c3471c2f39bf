package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.TEACHER;
import static nl.meldspoor.casework.meldcase.CaseTestData.content;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.CaseTestData.signal;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.util.List;
import nl.meldspoor.api.meldcase.AttachSignalCorrection;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ForwardSignal;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals recorded later and corrections of signals reach the case from the pupil's file, each once. */
class SignalsFromThePupilFileTest {

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static SignalContent corrected() {
        SignalContent base = content();
        return new SignalContent(base.observedAt(), base.place(), base.situation(),
                List.of(new Statement("Blauwe plekken op de onderarmen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                base.othersPresent(), base.category(), base.flags(), base.indicatorCodes(), base.recordedBy());
    }

    @Test
    void aSignalRecordedLaterIsForwardedOnBehalfOfItsRecorder() {
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new ForwardSignal(CASE_ID, TEACHER, day(3), signal("sig-2")))
                .expectEvents(new SignalAttached(CASE_ID, SCHOOL, PUPIL, TEACHER, day(3), signal("sig-2")));
    }

    /** Since SignalRecorded revision 2 the initials of others present travel sealed by the signal-service. */
    @Test
    void aSignalWhoseInitialsArriveSealedIsForwarded() {
        SignalContent base = content();
        SignalContent sealed = new SignalContent(base.observedAt(), base.place(), base.situation(), base.statements(),
                List.of("msp-enc:v1:signal-service:0b6c8f9e-3d2a-4f1b-9c7e-5a4d3b2c1e0f:q83vEjRWeJA"), base.category(), base.flags(),
                base.indicatorCodes(), base.recordedBy());
        AttachedSignal signal = new AttachedSignal("sig-2", sealed);
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new ForwardSignal(CASE_ID, TEACHER, day(3), signal))
                .expectEvents(new SignalAttached(CASE_ID, SCHOOL, PUPIL, TEACHER, day(3), signal));
    }

    @Test
    void aForwardedSignalDeliveredAgainChangesNothing() {
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new ForwardSignal(CASE_ID, TEACHER, day(3), signal("sig-1")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noSignalIsForwardedToAClosedCase() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), new Closure(CaseOutcome.NO_SUSPICION, "Ongegrond.", true, null)))
                .when(new ForwardSignal(CASE_ID, TEACHER, day(30), signal("sig-2")))
                .expectException(violates(CaseRule.CASE_CLOSED));
    }

    @Test
    void aCorrectionOfAHeldSignalIsKeptBesideTheOriginal() {
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new AttachSignalCorrection(CASE_ID, TEACHER, day(3), "corr-1", "sig-1", corrected(), "Preciezer omschreven."))
                .expectEvents(new AttachedSignalCorrected(CASE_ID, SCHOOL, PUPIL, TEACHER, day(3), "corr-1", "sig-1", corrected(), "Preciezer omschreven."));
    }

    @Test
    void aCorrectionReachesTheCaseOnce() {
        fixture.given(History.opened(signal("sig-1")).events())
                .andGiven(new AttachedSignalCorrected(CASE_ID, SCHOOL, PUPIL, TEACHER, day(3), "corr-1", "sig-1", corrected(), "Preciezer."))
                .when(new AttachSignalCorrection(CASE_ID, TEACHER, day(4), "corr-1", "sig-1", corrected(), "Preciezer."))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCorrectionAlsoReachesAClosedCaseSoItsDossierIsNotWrong() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, day(20), new Closure(CaseOutcome.NO_SUSPICION, "Ongegrond.", true, null)))
                .when(new AttachSignalCorrection(CASE_ID, TEACHER, day(30), "corr-1", "sig-1", corrected(), "Preciezer."))
                .expectEvents(new AttachedSignalCorrected(CASE_ID, SCHOOL, PUPIL, TEACHER, day(30), "corr-1", "sig-1", corrected(), "Preciezer."));
    }

    @Test
    void aCorrectionOfASignalTheCaseDoesNotHoldIsRefused() {
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new AttachSignalCorrection(CASE_ID, TEACHER, day(3), "corr-1", "sig-9", corrected(), "Preciezer."))
                .expectException(violates(CaseRule.SIGNAL_NOT_IN_CASE));
    }

    /** A case opened over HTTP names its own signals ("case:…"); a pupil file's correction can never be one of them. */
    @Test
    void aCorrectionNeverReachesASignalTheCaseNamedItself() {
        fixture.given(History.opened(signal("case:sig-1")).events())
                .when(new AttachSignalCorrection(CASE_ID, TEACHER, day(3), "corr-1", "case:sig-1", corrected(), "Preciezer."))
                .expectException(violates(CaseRule.SIGNAL_NOT_IN_CASE));
    }

    @Test
    void theIntakeCannotForwardASignalInTheCasesOwnNamespace() {
        fixture.given(History.opened(signal("sig-1")).events())
                .when(new ForwardSignal(CASE_ID, TEACHER, day(3), signal("case:sig-2")))
                .expectException(violates(CaseRule.SIGNAL_NOT_IN_CASE));
    }

    @Test
    void signalIdsGivenOverHttpGetTheCasesOwnNamespaceOnceAndStayWithinTheLimit() {
        org.assertj.core.api.Assertions.assertThat(SignalOrigin.ownedByTheCase("sig-1")).isEqualTo("case:sig-1");
        org.assertj.core.api.Assertions.assertThat(SignalOrigin.ownedByTheCase("case:sig-1")).isEqualTo("case:sig-1");
        String longest = "s".repeat(100);
        org.assertj.core.api.Assertions.assertThat(SignalOrigin.ownedByTheCase(longest))
                .startsWith("case:").hasSizeLessThanOrEqualTo(100).isEqualTo(SignalOrigin.ownedByTheCase(longest));
        org.assertj.core.api.Assertions.assertThat(SignalOrigin.of("0b6c8f9e-3d2a-4f1b-9c7e-5a4d3b2c1e0f")).isEqualTo(SignalOrigin.PUPIL_FILE);
    }
}
