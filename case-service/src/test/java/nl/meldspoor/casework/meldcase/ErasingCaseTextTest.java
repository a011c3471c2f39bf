package nl.meldspoor.casework.meldcase;

import static nl.meldspoor.casework.meldcase.CaseTestData.CASE_ID;
import static nl.meldspoor.casework.meldcase.CaseTestData.IB;
import static nl.meldspoor.casework.meldcase.CaseTestData.PUPIL;
import static nl.meldspoor.casework.meldcase.CaseTestData.SCHOOL;
import static nl.meldspoor.casework.meldcase.CaseTestData.day;
import static nl.meldspoor.casework.meldcase.Violations.violates;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.EraseCaseText;
import nl.meldspoor.api.meldcase.ReopenCase;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.casework.meldcase.CaseTestData.History;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crypto-shredding of a case (DOMAIN.md §7): only after its retention period, counted from closing. */
class ErasingCaseTextTest {

    private static final Period FIVE_YEARS = Period.ofYears(5);
    private static final Closure UNFOUNDED = new Closure(CaseOutcome.NO_SUSPICION,
            "Het vermoeden is ongegrond gebleken: de plekken komen van de judoles.", true, null);
    private static final Instant CLOSED_AT = day(20);

    private FixtureConfiguration<MeldcodeCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MeldcodeCase.class);
    }

    private static Instant fiveYearsAfterClosing() {
        return CLOSED_AT.atZone(java.time.ZoneId.of("Europe/Amsterdam")).plus(FIVE_YEARS).toInstant();
    }

    @Test
    void aCaseClosedForLongerThanItsRetentionPeriodLosesItsText() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, CLOSED_AT, UNFOUNDED))
                .when(new EraseCaseText(CASE_ID, FIVE_YEARS, fiveYearsAfterClosing()))
                .expectEvents(new CaseTextErased(CASE_ID, SCHOOL, PUPIL, Retention.ERASER, fiveYearsAfterClosing(), CLOSED_AT, FIVE_YEARS));
    }

    @Test
    void noTextIsErasedBeforeTheRetentionPeriodHasPassed() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, CLOSED_AT, UNFOUNDED))
                .when(new EraseCaseText(CASE_ID, FIVE_YEARS, fiveYearsAfterClosing().minusSeconds(1)))
                .expectException(violates(RetentionRule.RETENTION_NOT_PASSED))
                .expectNoEvents();
    }

    @Test
    void theTextOfAnOpenCaseIsKeptHoweverOldItIs() {
        fixture.given(History.stepsOneToThree().events())
                .when(new EraseCaseText(CASE_ID, FIVE_YEARS, day(20 * 365)))
                .expectException(violates(RetentionRule.RETENTION_NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void reopeningStopsTheRetentionPeriod() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, CLOSED_AT, UNFOUNDED),
                        new CaseReopened(CASE_ID, SCHOOL, PUPIL, IB, day(40), new Reopening("Nieuwe signalen.", List.of())))
                .when(new EraseCaseText(CASE_ID, FIVE_YEARS, day(20 * 365)))
                .expectException(violates(RetentionRule.RETENTION_NOT_STARTED));
    }

    @Test
    void textIsErasedOnce() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, CLOSED_AT, UNFOUNDED),
                        new CaseTextErased(CASE_ID, SCHOOL, PUPIL, Retention.ERASER, fiveYearsAfterClosing(), CLOSED_AT, FIVE_YEARS))
                .when(new EraseCaseText(CASE_ID, FIVE_YEARS, fiveYearsAfterClosing().plusSeconds(60)))
                .expectException(violates(RetentionRule.NOTHING_TO_ERASE))
                .expectNoEvents();
    }

    @Test
    void aCaseWhoseTextWasErasedIsNotReopened() {
        fixture.given(History.stepsOneToThree().noSuspicion().events())
                .andGiven(new CaseClosed(CASE_ID, SCHOOL, PUPIL, IB, CLOSED_AT, UNFOUNDED),
                        new CaseTextErased(CASE_ID, SCHOOL, PUPIL, Retention.ERASER, fiveYearsAfterClosing(), CLOSED_AT, FIVE_YEARS))
                .when(new ReopenCase(CASE_ID, null, IB, fiveYearsAfterClosing().plusSeconds(60), new Reopening("Nieuwe signalen.", List.of())))
                .expectException(violates(RetentionRule.TEXT_ERASED))
                .expectNoEvents();
    }
}
