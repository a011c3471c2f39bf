package nl.meldspoor.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Dutch working days: Monday to Friday, public holidays excluded. Veilig Thuis's five working days
 * after a report are counted with this calendar.
 */
public final class WorkingDays {

    private final DutchPublicHolidays holidays;

    public WorkingDays(DutchPublicHolidays holidays) {
        this.holidays = holidays;
    }

    /** The calendar most boards use: Liberation Day off every fifth year. */
    public static WorkingDays dutch() {
        return new WorkingDays(new DutchPublicHolidays(LiberationDay.EVERY_FIFTH_YEAR));
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date);
    }

    /**
     * The date {@code count} working days after {@code start}; {@code start} itself is not counted.
     * A report on Friday 24 April 2026 with King's Day on Monday 27 April has its fifth working day
     * on Monday 4 May.
     */
    public LocalDate plusWorkingDays(LocalDate start, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        LocalDate date = start;
        int remaining = count;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }
}
