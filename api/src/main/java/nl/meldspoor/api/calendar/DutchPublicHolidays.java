package nl.meldspoor.api.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Dutch public holidays that are not working days: New Year's Day, Easter Monday, King's Day
 * (27 April, or 26 April when the 27th is a Sunday), Liberation Day as configured, Ascension Day,
 * Whit Monday and both Christmas days. Easter and Whit Sunday fall on Sundays anyway.
 */
public final class DutchPublicHolidays {

    private final LiberationDay liberationDay;

    public DutchPublicHolidays(LiberationDay liberationDay) {
        this.liberationDay = liberationDay;
    }

    public boolean isHoliday(LocalDate date) {
        return holidaysIn(date.getYear()).contains(date);
    }

    public Set<LocalDate> holidaysIn(int year) {
        LocalDate easter = easterSunday(year);
        Set<LocalDate> days = new TreeSet<>();
        days.add(LocalDate.of(year, Month.JANUARY, 1));
        days.add(easter.plusDays(1));
        days.add(kingsDay(year));
        if (liberationDay.isDayOffIn(year)) {
            days.add(LocalDate.of(year, Month.MAY, 5));
        }
        days.add(easter.plusDays(39));
        days.add(easter.plusDays(50));
        days.add(LocalDate.of(year, Month.DECEMBER, 25));
        days.add(LocalDate.of(year, Month.DECEMBER, 26));
        return days;
    }

    static LocalDate kingsDay(int year) {
        LocalDate day = LocalDate.of(year, Month.APRIL, 27);
        return day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.minusDays(1) : day;
    }

    /** Gregorian Easter Sunday (anonymous algorithm of Meeus, Jones and Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
