package nl.meldspoor.notifications.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.notifications.organisation.Staff;

/**
 * When school staff can be reached: school days are Dutch working days outside the school holidays of
 * the school's region. Reminders for staff wait for the next school morning; the deadlines themselves
 * (Veilig Thuis's five working days) keep counting Dutch working days.
 */
public class SchoolCalendar {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final int A_YEAR = 366;

    private final WorkingDays workingDays;
    private final SchoolHolidayProperties holidays;
    private final Staff staff;
    private final LocalTime morning;

    public SchoolCalendar(WorkingDays workingDays, SchoolHolidayProperties holidays, Staff staff, LocalTime morning) {
        this.workingDays = workingDays;
        this.holidays = holidays;
        this.staff = staff;
        this.morning = morning;
    }

    public boolean isSchoolDay(String schoolId, LocalDate day) {
        return workingDays.isWorkingDay(day) && holidays.of(staff.region(schoolId)).stream().noneMatch(period -> period.contains(day));
    }

    /** The morning of the first school day on or after this day, at the configured time. */
    public Instant firstSchoolMorning(String schoolId, LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i < A_YEAR && !isSchoolDay(schoolId, candidate); i++) {
            candidate = candidate.plusDays(1);
        }
        return candidate.atTime(morning).atZone(AMSTERDAM).toInstant();
    }

    public static LocalDate dayOf(Instant instant) {
        return instant.atZone(AMSTERDAM).toLocalDate();
    }
}
