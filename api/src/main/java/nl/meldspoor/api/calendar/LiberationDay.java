package nl.meldspoor.api.calendar;

/**
 * Bevrijdingsdag (5 May) is a national holiday every year, but most collective labour agreements
 * (including primary education's) give the day off only every fifth year (2025, 2030, ...).
 */
public enum LiberationDay {
    EVERY_YEAR,
    EVERY_FIFTH_YEAR,
    NEVER;

    boolean isDayOffIn(int year) {
        return switch (this) {
            case EVERY_YEAR -> true;
            case EVERY_FIFTH_YEAR -> year % 5 == 0;
            case NEVER -> false;
        };
    }
}
