package nl.meldspoor.web.services;

import java.io.Serializable;
import java.util.List;

/** The signal-service's answer to a recorded signal: its id, whether it is urgent, and its advice in Dutch. */
public record RecordedSignal(String signalId, String pupilRef, boolean urgent, List<String> advice) implements Serializable {

    public RecordedSignal {
        advice = advice == null ? List.of() : List.copyOf(advice);
    }
}
