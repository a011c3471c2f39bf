package nl.meldspoor.signals.pupil.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.signals.pupil.state.PupilFileView;
import nl.meldspoor.signals.pupil.state.PupilFiles;
import nl.meldspoor.platform.eventstore.EventHistory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Reads a pupil's file straight from the event store. */
@Component
public class PupilFileHistory {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private record Recorded(long sequence, PupilFileEvent event) {
    }

    private final EventStore eventStore;
    private final Clock clock;

    public PupilFileHistory(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    public PupilFileView read(String pupilRef) {
        List<Recorded> history = EventHistory.read(eventStore, pupilRef, null, PupilFileEvent.class,
                (eventId, sequence, recordedAt, event) -> new Recorded(sequence, event));
        PupilFiles file = new PupilFiles();
        history.forEach(recorded -> file.apply(recorded.event()));
        return new PupilFileView(pupilRef, history.get(history.size() - 1).sequence(), file.signals(LocalDate.now(clock.withZone(AMSTERDAM))));
    }
}
