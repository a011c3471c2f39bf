package nl.meldspoor.reporting.dashboard;

/** A count, or — above school level, when small — the fact that it was suppressed. */
public record Count(Integer value, boolean suppressed) {

    static Count of(int value) {
        return new Count(value, false);
    }

    static Count hidden() {
        return new Count(null, true);
    }
}
