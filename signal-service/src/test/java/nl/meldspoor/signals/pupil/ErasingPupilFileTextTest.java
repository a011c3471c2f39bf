package nl.meldspoor.signals.pupil;

import static nl.meldspoor.platform.testing.Violations.violates;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.CaseHold;
import nl.meldspoor.api.signal.ErasePupilFileText;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.PupilFileTextErased;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crypto-shredding of a pupil's file (DOMAIN.md §7): per school, after the retention period since that school's last entry. */
class ErasingPupilFileTextTest {

    private static final String PUPIL = "pupil-9c1e";
    private static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    private static final Instant T0 = Instant.parse("2026-11-09T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(86_400 * 30);
    private static final Period TWO_YEARS = Period.ofYears(2);
    private static final Period FIVE_YEARS = Period.ofYears(5);
    private static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);

    private FixtureConfiguration<PupilFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PupilFile.class);
        fixture.registerInjectableResource(new RegisteredPupils().register(PUPIL, "school-a"));
    }

    private static SignalRecorded recorded(String signalId, String schoolId, Instant at) {
        SignalContent content = new SignalContent(at.minusSeconds(3600), "speelplaats", "pauze",
                List.of(new Statement("Komt vaak zonder jas.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER);
        return new SignalRecorded(PUPIL, schoolId, TEACHER, at, signalId, null, content, false);
    }

    private static Instant twoYearsAfter(Instant start) {
        return start.atZone(ZoneId.of("Europe/Amsterdam")).plus(TWO_YEARS).toInstant();
    }

    private static Instant yearsAfter(int years, Instant start) {
        return start.atZone(ZoneId.of("Europe/Amsterdam")).plusYears(years).toInstant();
    }

    private static SignalsEscalated escalated(SignalRecorded signal, String caseId) {
        return new SignalsEscalated(PUPIL, signal.schoolId(), IB, signal.occurredAt().plusSeconds(3600), caseId, null,
                new CaseTeam("ib-anna", "af-bram", signal.schoolId(), "dir-carla"), "Zorgen over de thuissituatie.",
                List.of(new AttachedSignal(signal.signalId(), signal.content())));
    }

    private static ErasePupilFileText erase(String schoolId, Instant now, CaseHold... holds) {
        return new ErasePupilFileText(PUPIL, schoolId, TWO_YEARS, now, List.of(holds), FIVE_YEARS);
    }

    private static PupilFileTextErased erasedAt(String schoolId, Instant now, Instant lastEntry) {
        return new PupilFileTextErased(PUPIL, schoolId, Retention.ERASER, now, lastEntry, TWO_YEARS);
    }

    @Test
    void anEscalatedSignalsTextIsKeptWhileItsCaseIsOpenLongAfterThePupilFilesRetention() {
        SignalRecorded signal = recorded("s-1", "school-a", T0);
        Instant sixYearsOn = yearsAfter(6, T0);
        fixture.given(signal, escalated(signal, "case-7"))
                .when(erase("school-a", sixYearsOn, new CaseHold("case-7", "school-a", null)))
                .expectException(violates(RetentionRule.HELD_BY_CASE))
                .expectNoEvents();
    }

    @Test
    void aCaseTheFileEscalatedIntoCountsAsOpenUntilItIsReportedClosed() {
        SignalRecorded signal = recorded("s-1", "school-a", T0);
        fixture.given(signal, escalated(signal, "case-7"))
                .when(new ErasePupilFileText(PUPIL, "school-a", TWO_YEARS, yearsAfter(6, T0)))
                .expectException(violates(RetentionRule.HELD_BY_CASE))
                .expectNoEvents();
    }

    @Test
    void aClosedCaseHoldsTheTextUntilTheCasesRetentionPeriodHasPassed() {
        SignalRecorded signal = recorded("s-1", "school-a", T0);
        Instant closed = yearsAfter(1, T0);
        fixture.given(signal, escalated(signal, "case-7"))
                .when(erase("school-a", yearsAfter(4, closed), new CaseHold("case-7", "school-a", closed)))
                .expectException(violates(RetentionRule.HELD_BY_CASE))
                .expectNoEvents();
    }

    @Test
    void afterTheCasesRetentionPeriodTheTextIsErased() {
        SignalRecorded signal = recorded("s-1", "school-a", T0);
        Instant closed = yearsAfter(1, T0);
        Instant now = yearsAfter(5, closed);
        fixture.given(signal, escalated(signal, "case-7"))
                .when(erase("school-a", now, new CaseHold("case-7", "school-a", closed)))
                .expectEvents(erasedAt("school-a", now, signal.occurredAt().plusSeconds(3600)));
    }

    @Test
    void aCaseOpenedAtTheSchoolWithoutAnEscalationHoldsTheTextAsWell() {
        fixture.given(recorded("s-1", "school-a", T0))
                .when(erase("school-a", yearsAfter(3, T0), new CaseHold("case-opened-over-http", "school-a", null)))
                .expectException(violates(RetentionRule.HELD_BY_CASE));
    }

    @Test
    void aCaseAtAnotherSchoolDoesNotHoldThisSchoolsText() {
        SignalRecorded atB = recorded("s-2", "school-b", T0);
        Instant now = yearsAfter(3, T0);
        fixture.given(recorded("s-1", "school-a", T0), atB, escalated(atB, "case-b"))
                .when(erase("school-a", now, new CaseHold("case-b", "school-b", null)))
                .expectEvents(erasedAt("school-a", now, T0));
    }

    @Test
    void theRetentionPeriodRunsFromTheSchoolsLastEntry() {
        fixture.given(recorded("s-1", "school-a", T0), recorded("s-2", "school-a", LATER))
                .when(new ErasePupilFileText(PUPIL, "school-a", TWO_YEARS, twoYearsAfter(LATER)))
                .expectEvents(new PupilFileTextErased(PUPIL, "school-a", Retention.ERASER, twoYearsAfter(LATER), LATER, TWO_YEARS));
    }

    @Test
    void aNewerEntryKeepsTheFileReadable() {
        fixture.given(recorded("s-1", "school-a", T0), recorded("s-2", "school-a", LATER))
                .when(new ErasePupilFileText(PUPIL, "school-a", TWO_YEARS, twoYearsAfter(T0)))
                .expectException(violates(RetentionRule.RETENTION_NOT_PASSED))
                .expectNoEvents();
    }

    @Test
    void eachSchoolsPartHasItsOwnRetentionPeriod() {
        fixture.given(recorded("s-1", "school-a", T0), recorded("s-2", "school-b", LATER))
                .when(new ErasePupilFileText(PUPIL, "school-a", TWO_YEARS, twoYearsAfter(T0)))
                .expectEvents(new PupilFileTextErased(PUPIL, "school-a", Retention.ERASER, twoYearsAfter(T0), T0, TWO_YEARS));
    }

    @Test
    void aSchoolWithoutEntriesHasNothingToErase() {
        fixture.given(recorded("s-1", "school-a", T0))
                .when(new ErasePupilFileText(PUPIL, "school-b", TWO_YEARS, twoYearsAfter(T0)))
                .expectException(violates(RetentionRule.NOTHING_TO_ERASE));
    }

    @Test
    void textIsErasedOnceUntilSomethingNewIsRecorded() {
        PupilFileTextErased erased = new PupilFileTextErased(PUPIL, "school-a", Retention.ERASER, twoYearsAfter(T0), T0, TWO_YEARS);
        fixture.given(recorded("s-1", "school-a", T0), erased)
                .when(new ErasePupilFileText(PUPIL, "school-a", TWO_YEARS, twoYearsAfter(T0).plusSeconds(60)))
                .expectException(violates(RetentionRule.NOTHING_TO_ERASE))
                .expectNoEvents();
    }
}
