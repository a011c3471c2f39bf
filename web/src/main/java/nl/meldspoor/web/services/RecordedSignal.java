package nl.meldspoor.web.services;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The signal-service's answer to a recorded signal: its id, whether it is urgent, its advice in Dutch, and the
 * look-back (earlier signals of the pupil and of siblings at this school) as far as the person may read it.
 *
 * @param lookBack null when the service could not give it (its advice then says so)
 */
public record RecordedSignal(String signalId, String pupilRef, boolean urgent, List<String> advice, LookBack lookBack) implements Serializable {

    public RecordedSignal {
        advice = advice == null ? List.of() : List.copyOf(advice);
    }

    public RecordedSignal(String signalId, String pupilRef, boolean urgent, List<String> advice) {
        this(signalId, pupilRef, urgent, advice, null);
    }

    /**
     * What the service says about earlier signals: a teacher learns only that there are some and whom to talk to
     * ({@code talkTo}, the lists null); whoever reads the school's signals gets the lists.
     */
    public record LookBack(boolean hasEarlierSignals, boolean hasSiblingSignals, String talkTo, List<Summary> earlierSignals,
                           List<Summary> siblingSignals) implements Serializable {

        /** Whether the person may see the signals themselves, not only that they exist. */
        public boolean readable() {
            return earlierSignals != null || siblingSignals != null;
        }

        public boolean nothingEarlier() {
            return !hasEarlierSignals && !hasSiblingSignals;
        }
    }

    /** One earlier signal, without its text: when, which kind of concern, urgent, corrected, and the case it went into. */
    public record Summary(String signalId, String pupilRef, Instant observedAt, String category, boolean urgent, boolean corrected,
                          String escalatedToCase) implements Serializable {
    }
}
