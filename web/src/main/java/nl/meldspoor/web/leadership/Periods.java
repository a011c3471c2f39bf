package nl.meldspoor.web.leadership;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The periods a dashboard can be asked for, as the reporting-service names them: school years (1 August – 31 July),
 * terms (T1 August–December, T2 January–March, T3 April–July) and months. The service checks the value; this only
 * offers the choices in a plain select, so the choice works without JavaScript.
 */
final class Periods {

    static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", DUTCH);
    private static final int YEARS = 5;

    record Option(String value, String label) {
    }

    record Group(String label, List<Option> options) {
    }

    private Periods() {
    }

    static int schoolYearStart(LocalDate today) {
        return today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1;
    }

    static String currentSchoolYear(LocalDate today) {
        int start = schoolYearStart(today);
        return start + "-" + (start + 1);
    }

    static List<Group> choices(LocalDate today) {
        int current = schoolYearStart(today);
        List<Option> years = new ArrayList<>();
        List<Option> terms = new ArrayList<>();
        for (int start = current; start > current - YEARS; start--) {
            String year = start + "-" + (start + 1);
            years.add(new Option(year, "Schooljaar " + year));
            if (start >= current - 1) {
                terms.add(new Option(year + "-T1", "Periode 1 (aug–dec) " + year));
                terms.add(new Option(year + "-T2", "Periode 2 (jan–mrt) " + year));
                terms.add(new Option(year + "-T3", "Periode 3 (apr–jul) " + year));
            }
        }
        List<Option> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(today); !month.isBefore(YearMonth.of(current - 1, 8)); month = month.minusMonths(1)) {
            months.add(new Option(month.toString(), MONTH.format(month)));
        }
        return List.of(new Group("Schooljaar", years), new Group("Periode", terms), new Group("Maand", months));
    }

    /** "sep 2026" for a month of the trend. */
    static String shortMonth(String period) {
        try {
            YearMonth month = YearMonth.parse(period);
            return DateTimeFormatter.ofPattern("MMM yy", DUTCH).format(month).replace(".", "");
        } catch (RuntimeException notAMonth) {
            return period;
        }
    }
}
