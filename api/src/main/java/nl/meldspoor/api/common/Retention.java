package nl.meldspoor.api.common;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Who erases personal data once a record's retention period has passed: the board, through the system itself. */
public final class Retention {

    /** The actor of an erasure: carried out on the board's behalf by its retention schedule, not by a person. */
    public static final Actor ERASER = new Actor("meldspoor-bewaartermijn", Role.BOARD_OFFICER);

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    private Retention() {
    }

    /** Whether the retention period that started at {@code start} has passed at {@code now}, in Dutch calendar time. */
    public static boolean passed(Instant start, Period retention, Instant now) {
        return !start.atZone(NETHERLANDS).plus(retention).toInstant().isAfter(now);
    }

    /**
     * About the latest start of a retention period that has passed at {@code now}, in Dutch calendar time:
     * for finding candidates; {@link #passed} decides (month ends make the two differ by a day or so).
     */
    public static Instant latestStart(Period retention, Instant now) {
        return now.atZone(NETHERLANDS).minus(retention).toInstant();
    }

    /** A retention period in Dutch: "5 jaar", "18 maanden", "5 jaar en 6 maanden". */
    public static String describe(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + " jaar");
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " maand" : " maanden"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " dag" : " dagen"));
        }
        return String.join(" en ", parts);
    }
}
