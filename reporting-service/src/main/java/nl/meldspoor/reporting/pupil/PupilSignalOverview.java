package nl.meldspoor.reporting.pupil;

import java.util.List;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.SignalView;

/**
 * A pupil's signals at one school for the IB'er: every signal as recorded and as it reads now, with
 * corrections, the parents' views and requests and the cases it went into — and, for the kindcheck,
 * what was recorded about the pupil's siblings at the school, in summary.
 */
public record PupilSignalOverview(String pupilRef, String schoolId, String familyRef, List<SignalView> signals,
                                  List<SiblingSignal> siblingSignals) {

    /** A sibling's signal in summary: no free text. */
    public record SiblingSignal(String pupilRef, SignalFact signal) {
    }
}
