package nl.meldspoor.signals.pupil.state;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.signal.BodyMark;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.CorrectionRequest;
import nl.meldspoor.api.signal.ParentView;
import nl.meldspoor.api.signal.SignalContent;

/**
 * A pupil's file of signals as the event store holds it: each signal as first recorded and as it
 * reads now, with its corrections, the parents' views, their correction requests and the cases it
 * went into. Nothing is ever overwritten. The body map is the one recorded with the signal: a correction changes
 * the content, not the marks.
 */
public record PupilFileView(String pupilRef, long version, List<SignalView> signals) {

    public record SignalView(
            String signalId,
            String schoolId,
            String familyRef,
            Instant recordedAt,
            Actor recordedBy,
            boolean urgentPath,
            SignalContent original,
            SignalContent current,
            List<BodyMark> bodyMap,
            List<Correction> corrections,
            List<ParentViewEntry> parentViews,
            List<Request> correctionRequests,
            List<String> escalatedToCases) {
    }

    public record Correction(Instant at, Actor by, String reason, String requestId, SignalContent content) {
    }

    public record ParentViewEntry(Instant addedAt, Actor addedBy, ParentView view) {
    }

    /**
     * @param overdue no answer yet and the four weeks have passed
     */
    public record Request(String requestId, Instant registeredAt, CorrectionRequest request, LocalDate answerDueOn, boolean overdue,
                          CorrectionAnswer answer, boolean answeredLate) {
    }
}
