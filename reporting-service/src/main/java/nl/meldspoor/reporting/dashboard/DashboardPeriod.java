package nl.meldspoor.reporting.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.platform.web.Problems.FieldError;

/**
 * The window a dashboard covers. Above school level only whole periods can be asked for — a month
 * ({@code 2026-09}), a term ({@code 2026-2027-T1}) or a school year ({@code 2026-2027}), or {@code from}/{@code to}
 * on the first of a month — so two windows a day apart cannot be subtracted to single out one signal.
 * Terms follow the Dutch school year (1 August – 31 July) split at the Christmas and spring holidays:
 * T1 August–December, T2 January–March, T3 April–July. School staff on their own school may use any window.
 *
 * @param to exclusive
 */
record DashboardPeriod(LocalDate from, LocalDate to) {

    static final String NOT_WHOLE = "PERIOD_NOT_WHOLE";

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern SCHOOL_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");
    private static final Pattern TERM = Pattern.compile("(\\d{4})-(\\d{4})-T([123])");

    /** Why a requested window is refused: the rule and the fields. */
    static final class Refused extends Exception {
        private final String rule;
        private final transient List<FieldError> errors;

        Refused(String rule, List<FieldError> errors) {
            super(rule, null, false, false);
            this.rule = rule;
            this.errors = List.copyOf(errors);
        }

        String rule() {
            return rule;
        }

        List<FieldError> errors() {
            return errors;
        }
    }

    /**
     * @param period      a month, term or school year, or {@code null}
     * @param freeWindows whether any {@code from}/{@code to} is allowed (the school's own staff)
     * @param today       for the default: the current school year
     */
    static DashboardPeriod of(String period, LocalDate from, LocalDate to, boolean freeWindows, LocalDate today) throws Refused {
        if (period != null) {
            if (from != null || to != null) {
                throw new Refused("INVALID_INPUT", List.of(new FieldError("period", "niet samen met from of to")));
            }
            return parse(period.trim());
        }
        LocalDate start = from != null ? from : Dashboards.currentSchoolYearStart(today);
        LocalDate end = to != null ? to : start.plusYears(1);
        if (!end.isAfter(start)) {
            throw new Refused("INVALID_INPUT", List.of(new FieldError("to", "moet na from liggen")));
        }
        if (!freeWindows) {
            List<FieldError> errors = new ArrayList<>();
            if (start.getDayOfMonth() != 1) {
                errors.add(new FieldError("from", "boven schoolniveau alleen de eerste dag van een maand"));
            }
            if (end.getDayOfMonth() != 1) {
                errors.add(new FieldError("to", "boven schoolniveau alleen de eerste dag van een maand"));
            }
            if (!errors.isEmpty()) {
                throw new Refused(NOT_WHOLE, errors);
            }
        }
        return new DashboardPeriod(start, end);
    }

    private static DashboardPeriod parse(String period) throws Refused {
        Matcher term = TERM.matcher(period);
        if (term.matches() && schoolYear(term.group(1), term.group(2))) {
            LocalDate yearStart = LocalDate.of(Integer.parseInt(term.group(1)), 8, 1);
            return switch (term.group(3)) {
                case "1" -> new DashboardPeriod(yearStart, yearStart.plusMonths(5));
                case "2" -> new DashboardPeriod(yearStart.plusMonths(5), yearStart.plusMonths(8));
                default -> new DashboardPeriod(yearStart.plusMonths(8), yearStart.plusMonths(12));
            };
        }
        Matcher year = SCHOOL_YEAR.matcher(period);
        if (year.matches() && schoolYear(year.group(1), year.group(2))) {
            LocalDate yearStart = LocalDate.of(Integer.parseInt(year.group(1)), 8, 1);
            return new DashboardPeriod(yearStart, yearStart.plusYears(1));
        }
        if (MONTH.matcher(period).matches()) {
            try {
                YearMonth month = YearMonth.parse(period);
                return new DashboardPeriod(month.atDay(1), month.plusMonths(1).atDay(1));
            } catch (DateTimeParseException invalid) {
                // falls through to the refusal
            }
        }
        throw new Refused(NOT_WHOLE, List.of(new FieldError("period",
                "een maand (2026-09), een periode (2026-2027-T1, T2 of T3) of een schooljaar (2026-2027)")));
    }

    private static boolean schoolYear(String first, String second) {
        return Integer.parseInt(second) == Integer.parseInt(first) + 1;
    }
}
