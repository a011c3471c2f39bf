package nl.meldspoor.signals.pupil.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.state.PupilFileView;
import nl.meldspoor.api.signal.state.PupilFiles;
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
        PupilFiles file = new PupilFiles();
        long version = -1;
        DomainEventStream stream = eventStore.readEvents(pupilRef);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            version = message.getSequenceNumber();
            if (message.getPayload() instanceof PupilFileEvent event) {
                file.apply(event);
            }
        }
        if (version < 0) {
            throw new AggregateNotFoundException(pupilRef, "No signals for pupil " + pupilRef);
        }
        return new PupilFileView(pupilRef, version, file.signals(LocalDate.now(clock.withZone(AMSTERDAM))));
    }
}
