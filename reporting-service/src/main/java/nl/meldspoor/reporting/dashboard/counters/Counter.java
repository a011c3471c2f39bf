package nl.meldspoor.reporting.dashboard.counters;

import java.util.HashMap;
import java.util.Map;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.signal.SignalCategory;

/**
 * The counters kept per school and day: each has a stable name (what is stored, so a new category or
 * incident type never shifts a stored counter) and an index into the arrays the dashboards add up.
 */
public final class Counter {

    public static final int OPENED = 0;
    public static final int ADVICE = 1;
    public static final int REPORTS = 2;
    public static final int HELP = 3;
    public static final int CLOSED_WITHOUT_SUSPICION = 4;
    public static final int SIGNALS = 5;
    public static final int INCIDENTS = 6;
    /** Of the cases opened that day: documented for every step they reached. */
    public static final int DOCUMENTED = 7;
    public static final int URGENT = 8;
    public static final int ESCALATED = 9;
    public static final int SERIOUS = 10;
    public static final int MELDPLICHT = 11;
    private static final int DOCUMENTED_STEP = 12; // steps 1..5
    private static final int REACHED_STEP = 17; // steps 2..5; every case reaches step 1
    private static final int CATEGORY = 21;
    private static final int TYPE = CATEGORY + SignalCategory.values().length;
    public static final int SIZE = TYPE + IncidentType.values().length;

    private static final String[] NAMES = new String[SIZE];
    private static final Map<String, Integer> INDEXES = new HashMap<>();
    private static final String LAYOUT;

    static {
        String[] fixed = {"opened", "advice", "reports", "help", "closedWithoutSuspicion", "signals", "incidents", "documented",
                "urgent", "escalated", "serious", "meldplicht"};
        System.arraycopy(fixed, 0, NAMES, 0, fixed.length);
        for (int step = 1; step <= 5; step++) {
            NAMES[documentedStep(step)] = "documentedStep" + step;
        }
        for (int step = 2; step <= 5; step++) {
            NAMES[reachedStep(step)] = "reachedStep" + step;
        }
        for (SignalCategory category : SignalCategory.values()) {
            NAMES[category(category)] = "signal_" + category.name();
        }
        for (IncidentType type : IncidentType.values()) {
            NAMES[type(type)] = "incident_" + type.name();
        }
        for (int index = 0; index < SIZE; index++) {
            INDEXES.put(NAMES[index], index);
        }
        LAYOUT = Integer.toHexString(String.join(",", NAMES).hashCode());
    }

    private Counter() {
    }

    /** Of the cases opened that day: those whose given step is documented so far. */
    public static int documentedStep(int step) {
        return DOCUMENTED_STEP + step - 1;
    }

    /** Of the cases opened that day: those that reached the given step (2 to 5). */
    public static int reachedStep(int step) {
        if (step < 2 || step > 5) {
            throw new IllegalArgumentException("No reached counter for step " + step);
        }
        return REACHED_STEP + step - 2;
    }

    public static int category(SignalCategory category) {
        return CATEGORY + category.ordinal();
    }

    public static int type(IncidentType type) {
        return TYPE + type.ordinal();
    }

    public static String name(int index) {
        return NAMES[index];
    }

    /** A fingerprint of the counters' names in the order of their indexes: what stored arrays of counts were written in. */
    static String layout() {
        return LAYOUT;
    }

    /** @return the index, or -1 for a name this version does not know (a counter of a removed enum constant) */
    public static int index(String name) {
        return INDEXES.getOrDefault(name, -1);
    }
}
