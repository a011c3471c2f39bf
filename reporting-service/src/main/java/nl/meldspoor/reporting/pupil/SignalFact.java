package nl.meldspoor.reporting.pupil;

import java.time.Instant;
import nl.meldspoor.api.signal.SignalCategory;

/** What the dashboards count about one signal: where, when, what kind — no pupil, no free text. */
public record SignalFact(String signalId, String schoolId, Instant recordedAt, SignalCategory category, boolean urgent, boolean escalated) {
}
