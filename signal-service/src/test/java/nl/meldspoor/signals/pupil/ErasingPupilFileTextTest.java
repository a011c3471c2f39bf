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
import nl.meldspoor.api.signal.ErasePupilFileText;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.PupilFileTextErased;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalRecorded;
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
