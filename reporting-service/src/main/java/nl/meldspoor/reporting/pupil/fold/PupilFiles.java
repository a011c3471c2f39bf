package nl.meldspoor.reporting.pupil.fold;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.signal.CorrectionRequestAnswered;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.Correction;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.ParentViewEntry;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.Request;
import nl.meldspoor.reporting.pupil.fold.PupilFileView.SignalView;

/**
 * Folds a pupil's file from its events: each signal as first recorded and as it reads now, with its
 * corrections, the parents' views, their requests and the cases it went into. The reporting-service's own fold of
 * the published events, kept per event: the read model stores it (as JSON, field by field) inside the pupil's view, so
 * the overview folds nothing per request. The signal-service folds its event store with its own.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public final class PupilFiles {

    private LinkedHashMap<String, Builder> signals = new LinkedHashMap<>();

    public PupilFiles apply(PupilFileEvent event) {
        if (event instanceof SignalRecorded e) {
            signals.put(e.signalId(), new Builder(e));
        } else if (event instanceof SignalCorrected e) {
            Builder signal = signals.get(e.signalId());
            signal.current = e.correctedContent();
            signal.corrections.add(new Correction(e.occurredAt(), e.actor(), e.reason(), e.requestId(), e.correctedContent()));
        } else if (event instanceof ParentViewAdded e) {
            signals.get(e.signalId()).parentViews.add(new ParentViewEntry(e.occurredAt(), e.actor(), e.view()));
        } else if (event instanceof SignalCorrectionRequested e) {
            signals.get(e.signalId()).requests.put(e.requestId(),
                    new Request(e.requestId(), e.occurredAt(), e.request(), e.answerDueOn(), false, null, false));
        } else if (event instanceof CorrectionRequestAnswered e) {
            signals.get(e.signalId()).requests.computeIfPresent(e.requestId(), (id, request) ->
                    new Request(id, request.registeredAt(), request.request(), request.answerDueOn(), false, e.answer(), e.answeredLate()));
        } else if (event instanceof SignalsEscalated e) {
            e.signals().forEach(signal -> signals.get(signal.signalId()).cases.add(e.caseId()));
        }
        return this;
    }

    /**
     * @param today requests without an answer after their four weeks are overdue
     */
    public List<SignalView> signals(LocalDate today) {
        return signals.values().stream().map(builder -> builder.build(today)).toList();
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
            setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
    private static final class Builder {
        private SignalRecorded recorded;
        private SignalContent current;
        private ArrayList<Correction> corrections = new ArrayList<>();
        private ArrayList<ParentViewEntry> parentViews = new ArrayList<>();
        private LinkedHashMap<String, Request> requests = new LinkedHashMap<>();
        private ArrayList<String> cases = new ArrayList<>();

        /** For reading a stored file back. */
        private Builder() {
        }

        Builder(SignalRecorded recorded) {
            this.recorded = recorded;
            this.current = recorded.content();
        }

        SignalView build(LocalDate today) {
            List<Request> requestViews = requests.values().stream()
                    .map(request -> request.answer() == null && today.isAfter(request.answerDueOn())
                            ? new Request(request.requestId(), request.registeredAt(), request.request(), request.answerDueOn(), true, null, false)
                            : request)
                    .toList();
            return new SignalView(recorded.signalId(), recorded.schoolId(), recorded.familyRef(), recorded.occurredAt(), recorded.actor(),
                    recorded.urgentPath(), recorded.content(), current, recorded.bodyMap(), List.copyOf(corrections), List.copyOf(parentViews), requestViews,
                    List.copyOf(cases));
        }
    }
}
