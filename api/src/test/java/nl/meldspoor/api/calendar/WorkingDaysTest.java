package nl.meldspoor.api.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

    private final WorkingDays workingDays = WorkingDays.dutch();

    @ParameterizedTest(name = "Easter Sunday {0} is {1}")
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28", "2030, 2030-04-21", "2038, 2038-04-25"})
    void easterIsComputedForAnyYear(int year, LocalDate easter) {
        assertThat(DutchPublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void kingsDayMovesToSaturdayWhenTheTwentySeventhIsASunday() {
        assertThat(DutchPublicHolidays.kingsDay(2025)).isEqualTo(LocalDate.of(2025, 4, 26));
        assertThat(DutchPublicHolidays.kingsDay(2026)).isEqualTo(LocalDate.of(2026, 4, 27));
        assertThat(DutchPublicHolidays.kingsDay(2031)).isEqualTo(LocalDate.of(2031, 4, 26));
    }

    @ParameterizedTest(name = "{0} is a public holiday")
    @CsvSource({"2026-01-01", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26", "2025-05-05"})
    void publicHolidaysAreNoWorkingDays(LocalDate holiday) {
        assertThat(workingDays.isWorkingDay(holiday)).isFalse();
    }

    @Test
    void liberationDayIsAWorkingDayOutsideLustrumYearsUnlessConfigured() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).isTrue();
        WorkingDays everyYear = new WorkingDays(new DutchPublicHolidays(LiberationDay.EVERY_YEAR));
        assertThat(everyYear.isWorkingDay(LocalDate.of(2026, 5, 5))).isFalse();
        WorkingDays never = new WorkingDays(new DutchPublicHolidays(LiberationDay.NEVER));
        assertThat(never.isWorkingDay(LocalDate.of(2025, 5, 5))).isTrue();
    }

    @Test
    void goodFridayIsAWorkingDay() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
    }

    @ParameterizedTest(name = "report on {0}: fifth working day is {1}")
    @CsvSource({
            "2026-11-23, 2026-11-30",  // Monday: plain week
            "2026-11-27, 2026-12-04",  // Friday: weekend skipped
            "2026-04-24, 2026-05-04",  // King's Day on Monday 27 April
            "2026-12-22, 2026-12-30",  // Christmas on Friday and Saturday
            "2026-05-11, 2026-05-19",  // Ascension Day, Thursday 14 May
            "2026-05-22, 2026-06-01",  // Whit Monday 25 May
            "2025-04-30, 2025-05-08",  // Liberation Day 2025 (a lustrum year)
            "2026-12-31, 2027-01-08"   // New Year's Day
    })
    void veiligThuisHasFiveWorkingDays(LocalDate reportedOn, LocalDate due) {
        assertThat(workingDays.plusWorkingDays(reportedOn, 5)).isEqualTo(due);
    }

    @Test
    void aReportOnAHolidayStartsCountingTheNextWorkingDay() {
        assertThat(workingDays.plusWorkingDays(LocalDate.of(2026, 12, 26), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void countingBackwardsIsRefused() {
        assertThatThrownBy(() -> workingDays.plusWorkingDays(LocalDate.of(2026, 1, 5), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
