package nl.meldspoor.api.common;

/**
 * The largest text and the most items each command accepts, in one place. Every {@code String} and every
 * list or set in a command carries {@code @Size(max = Limits.…)}: the API refuses more (400, the field
 * named) and the OpenAPI documents show it as {@code maxLength}/{@code maxItems}.
 *
 * <p>Why these numbers: a school writes an observation, a conversation or a rationale in a few paragraphs
 * (an A4 page is about 3,000 characters), so the limits are generous for people and still bound the
 * largest event. Each text is sealed before it is stored and published, which makes one character up to
 * about four bytes; the largest event the limits allow must stay below half the Kafka record limit
 * ({@code RecordLimits.LARGEST_EVENT_BYTES}), proven by {@code LargestEventFitsKafkaTest}. Lists that hold
 * whole signals are the costly ones, so they are bound tightly: more signals can be attached one by one.
 */
public final class Limits {

    /** An id or pseudonymous reference (the identifier formats allow at most 100 characters). */
    public static final int IDENTIFIER = 100;

    /** A pupil's initials as others present ("J.v.D."). */
    public static final int INITIALS = 12;

    /** A code such as an indicator code. */
    public static final int CODE = 50;

    /** A name, a capacity, a role description or who answered: one line. */
    public static final int LABEL = 200;

    /** A short text such as a place, a situation, remarks or agreements. */
    public static final int SHORT_TEXT = 1_000;

    /** A statement in a signal: one observation, several per signal. */
    public static final int STATEMENT = 2_000;

    /** A long text such as a rationale, a conversation's content or an incident's description. */
    public static final int LONG_TEXT = 4_000;

    /** Statements in one signal. */
    public static final int STATEMENTS = 10;

    /** Signals carried by one command (opening, reopening, escalation); more are attached one by one. */
    public static final int SIGNALS = 4;

    /** People named in one list (present, informed, involved parties, help tasks). */
    public static final int PEOPLE = 20;

    /** Marks on the body map of one signal. */
    public static final int BODY_MARKS = 30;

    /** Codes in one list (indicator codes, flags). */
    public static final int CODES = 20;

    /** The reason given when a text is longer than its limit; {@code {max}} is filled in. */
    public static final String TOO_LONG = "mag ten hoogste {max} tekens lang zijn";

    /** The reason given when a list has more items than its limit. */
    public static final String TOO_MANY = "mag ten hoogste {max} items bevatten";

    /** The reason given for a pupil or family reference that is not a pseudonymous reference. */
    public static final String NOT_A_REFERENCE = "moet een pseudoniem kenmerk zijn (letters, cijfers en . _ : -, geen spaties), geen naam";

    private Limits() {
    }
}
