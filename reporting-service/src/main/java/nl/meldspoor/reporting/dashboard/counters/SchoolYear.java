package nl.meldspoor.reporting.dashboard.counters;

import java.time.LocalDate;

/** The Dutch school year: from 1 August to 31 July, named {@code 2028-2029}. */
public final class SchoolYear {

    private SchoolYear() {
    }

    /** The school year a day belongs to. */
    public static String of(LocalDate day) {
        int startYear = startOf(day).getYear();
        return startYear + "-" + (startYear + 1);
    }

    /** The first day of the school year a day belongs to. */
    public static LocalDate startOf(LocalDate day) {
        return LocalDate.of(day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1, 8, 1);
    }
}
