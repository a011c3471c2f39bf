package nl.meldspoor.notifications.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.notifications.TestOrganisation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchoolCalendarTest {

    private final SchoolCalendar calendar = TestOrganisation.calendar();

    @ParameterizedTest(name = "{0} is no school day: {1}")
    @CsvSource({
            "2026-11-21, Saturday",
            "2026-11-22, Sunday",
            "2026-01-01, New Year's Day",
            "2026-04-06, Easter Monday",
            "2026-04-27, King's Day",
            "2025-04-26, King's Day on Saturday because 27 April 2025 is a Sunday",
            "2025-05-05, Liberation Day in a fifth year",
            "2026-05-14, Ascension Day",
            "2026-05-25, Whit Monday",
            "2026-12-25, Christmas",
            "2026-12-28, the Christmas holiday of the north",
            "2026-10-19, the autumn holiday of the north"})
    void noSchoolDay(LocalDate day, String why) {
        assertThat(calendar.isSchoolDay("school-a", day)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a school day: {1}")
    @CsvSource({
            "2026-11-23, an ordinary Monday",
            "2026-05-05, Liberation Day outside a fifth year",
            "2026-05-04, the Monday after the May holiday"})
    void schoolDay(LocalDate day, String why) {
        assertThat(calendar.isSchoolDay("school-a", day)).isTrue();
    }

    @Test
    void eachRegionHasItsOwnHolidays() {
        LocalDate monday = LocalDate.parse("2025-10-13");
        assertThat(calendar.isSchoolDay("school-d", monday)).as("south: autumn holiday").isFalse();
        assertThat(calendar.isSchoolDay("school-a", monday)).as("north: school").isTrue();
        assertThat(calendar.isSchoolDay("school-a", LocalDate.parse("2025-10-20"))).isFalse();
        assertThat(calendar.isSchoolDay("school-d", LocalDate.parse("2025-10-20"))).isTrue();
    }

    @Test
    void aReminderWaitsForTheFirstSchoolMorningInAmsterdamTime() {
        assertThat(calendar.firstSchoolMorning("school-a", LocalDate.parse("2026-11-23")))
                .isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(calendar.firstSchoolMorning("school-a", LocalDate.parse("2026-11-21")))
                .as("Saturday → Monday").isEqualTo(Instant.parse("2026-11-23T07:00:00Z"));
        assertThat(calendar.firstSchoolMorning("school-a", LocalDate.parse("2026-10-17")))
                .as("autumn holiday, and winter time from 25 October").isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(calendar.firstSchoolMorning("school-a", LocalDate.parse("2026-04-24")))
                .as("a Friday is a school day, in summer time").isEqualTo(Instant.parse("2026-04-24T06:00:00Z"));
        assertThat(calendar.firstSchoolMorning("school-a", LocalDate.parse("2026-12-24")))
                .as("Christmas holiday → after New Year").isEqualTo(Instant.parse("2027-01-04T07:00:00Z"));
    }

    @Test
    void aHolidayWithoutAValidPeriodIsRefused() {
        assertThatThrownBy(() -> new SchoolHolidayProperties.Period("Zomervakantie", LocalDate.parse("2026-08-16"), LocalDate.parse("2026-07-04")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Zomervakantie");
    }
}
