package nl.meldspoor.signals.pupil.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.signal.CorrectionRequestAnswered;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.signals.pupil.history.PupilFileView.Correction;
import nl.meldspoor.signals.pupil.history.PupilFileView.ParentViewEntry;
import nl.meldspoor.signals.pupil.history.PupilFileView.Request;
import nl.meldspoor.signals.pupil.history.PupilFileView.SignalView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/** Reads a pupil's file straight from the event store. */
@Component
public class PupilFileHistory {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final EventStore eventStore;
    private final Clock clock;

    public PupilFileHistory(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public PupilFileView read(String pupilRef) {
        Map<String, Builder> signals = new LinkedHashMap<>();
        long version = -1;
        DomainEventStream stream = eventStore.readEvents(pupilRef);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            version = message.getSequenceNumber();
            if (message.getPayload() instanceof PupilFileEvent event) {
                apply(signals, event);
            }
        }
        if (version < 0) {
            throw new AggregateNotFoundException(pupilRef, "No signals for pupil " + pupilRef);
        }
        LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
        return new PupilFileView(pupilRef, version, signals.values().stream().map(builder -> builder.build(today)).toList());
    }

    private static void apply(Map<String, Builder> signals, PupilFileEvent event) {
        if (event instanceof SignalRecorded e) {
            signals.put(e.signalId(), new Builder(e));
        } else if (event instanceof SignalCorrected e) {
            Builder signal = signals.get(e.signalId());
            signal.current = e.correctedContent();
            signal.corrections.add(new Correction(e.occurredAt(), e.actor(), e.reason(), e.requestId(), e.correctedContent()));
        } else if (event instanceof ParentViewAdded e) {
            signals.get(e.signalId()).parentViews.add(new ParentViewEntry(e.occurredAt(), e.actor(), e.view()));
        } else if (event instanceof SignalCorrectionRequested e) {
            signals.get(e.signalId()).requests.put(e.requestId(), new Request(e.requestId(), e.occurredAt(), e.request(), e.answerDueOn(), false, null, false));
        } else if (event instanceof CorrectionRequestAnswered e) {
            signals.get(e.signalId()).requests.computeIfPresent(e.requestId(), (id, request) ->
                    new Request(id, request.registeredAt(), request.request(), request.answerDueOn(), false, e.answer(), e.answeredLate()));
        } else if (event instanceof SignalsEscalated e) {
            e.signals().forEach(signal -> signals.get(signal.signalId()).cases.add(e.caseId()));
        }
    }

    private static final class Builder {
        private final SignalRecorded recorded;
        private nl.meldspoor.api.signal.SignalContent current;
        private final List<Correction> corrections = new ArrayList<>();
        private final List<ParentViewEntry> parentViews = new ArrayList<>();
        private final Map<String, Request> requests = new LinkedHashMap<>();
        private final List<String> cases = new ArrayList<>();

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
                    recorded.urgentPath(), recorded.content(), current, List.copyOf(corrections), List.copyOf(parentViews), requestViews,
                    List.copyOf(cases));
        }
    }
}
