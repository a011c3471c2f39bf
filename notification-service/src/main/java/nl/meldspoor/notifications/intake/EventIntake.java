package nl.meldspoor.notifications.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.alert.Alert;
import nl.meldspoor.notifications.alert.ImmediateAlerts;
import nl.meldspoor.notifications.alert.Messages;
import nl.meldspoor.notifications.notification.Notifications;
import nl.meldspoor.notifications.organisation.Recipients;
import nl.meldspoor.notifications.reminder.CaseWatches;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.stereotype.Component;

/**
 * Reads the case, signal and incident events in the service's own consumer group. Signals and incidents
 * raise their alerts at once; a case's events keep its reminders up to date and raise the alerts of the urgent
 * signals recorded straight into the case. A poll is handled at once (its cases' watches read and written once,
 * see {@code CaseWatches.applyAll}) and its offsets are committed only after it was handled (at intervals); a
 * record that fails is found by handling the poll again one by one, and only it is retried or parked. Handling a
 * record again changes nothing, so a restart or a replay from offset 0 neither loses a notification nor raises one twice. An
 * alert for an event older than the horizon is no longer "at once" — the service was down, or could not read — but
 * an urgent signal or a meldplicht incident nobody was told about is worse than a late alert: it is raised, once,
 * and marked as late.
 *
 * <p>Recipients come from the staff directory, which every replica reads from the staff topic at start-up. Until it
 * has read it to the end, a record is not handled but retried with back-off (holding the partition, see
 * {@code DeadLetters}): an alert waits for the directory rather than going to nobody.
 */
@Component
public class EventIntake implements ReplayableConsumer {

    public static final String NAME = "notification-intake";
    private static final Logger log = LoggerFactory.getLogger(EventIntake.class);

    private final PublishedEvents events;
    private final ImmediateAlerts immediateAlerts;
    private final Notifications notifications;
    private final CaseWatches caseWatches;
    private final Messages messages;
    private final Recipients recipients;
    private final Clock clock;
    private final Duration horizon;
    private final RecordInterceptor<String, byte[]> successes;

    public EventIntake(PublishedEvents events, ImmediateAlerts immediateAlerts, Messages messages, Notifications notifications,
                       CaseWatches caseWatches, Recipients recipients, Clock clock, NotificationProperties properties, DeadLetters deadLetters) {
        this.recipients = recipients;
        this.events = events;
        this.immediateAlerts = immediateAlerts;
        this.messages = messages;
        this.notifications = notifications;
        this.caseWatches = caseWatches;
        this.clock = clock;
        this.horizon = properties.immediateAlertHorizon();
        this.successes = deadLetters.successes(NAME);
    }

    @KafkaListener(id = NAME, groupId = "notification-service", topics = "#{'${meldspoor.notifications.topics}'.split(',')}",
            containerFactory = "notificationIntakeContainerFactory", batch = "true")
    public void on(List<ConsumerRecord<String, byte[]>> records) {
        try {
            handleAll(records);
        } catch (RuntimeException failure) {
            // which record failed, and only it, goes the way of retries and dead letters: the poll again one by one
            // (every record handled before changes nothing the second time)
            log.debug("A poll of {} records failed as a whole ({}); handled one by one", records.size(), failure.toString());
            handleOneByOne(records);
        }
        records.forEach(record -> successes.success(record, null));
    }

    /** A poll at once: its case events applied with one read and one write of their watches, then the alerts in order. */
    private void handleAll(List<ConsumerRecord<String, byte[]>> records) {
        recipients.requireLoaded();
        List<PublishedEvent> decoded = records.stream().map(events::read).toList();
        List<PublishedEvent> caseEvents = decoded.stream().filter(event -> event.payload() instanceof MeldcodeCaseEvent).toList();
        Iterator<CaseFile> files = caseWatches.applyAll(caseEvents).iterator();
        for (PublishedEvent event : decoded) {
            raise(event, event.payload() instanceof MeldcodeCaseEvent ? files.next() : null);
        }
    }

    private void handleOneByOne(List<ConsumerRecord<String, byte[]>> records) {
        for (int index = 0; index < records.size(); index++) {
            try {
                handle(records.get(index));
            } catch (RuntimeException failure) {
                records.subList(0, index).forEach(record -> successes.success(record, null));
                throw new BatchListenerFailedException("Record " + index + " of the poll could not be handled", failure, index);
            }
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        recipients.requireLoaded();
        PublishedEvent event = events.read(record);
        raise(event, event.payload() instanceof MeldcodeCaseEvent ? caseWatches.apply(event) : null);
    }

    /** The event's alerts; a case event's ({@code file}: the case with it) also those of the case. */
    private void raise(PublishedEvent event, CaseFile file) {
        List<Alert> alerts = new ArrayList<>(immediateAlerts.of(event));
        if (file != null) {
            alerts.addAll(immediateAlerts.ofCase(event, file));
        }
        boolean late = event.recordedAt().isBefore(clock.instant().minus(horizon));
        for (Alert alert : alerts) {
            if (late) {
                log.warn("Late {} for event {} recorded at {}: older than {}", alert.type(), event.eventId(), event.recordedAt(), horizon);
                alert = messages.late(alert, event.recordedAt());
            }
            notifications.raise(alert);
        }
    }

    @Override
    public String consumerName() {
        return NAME;
    }

    /** A dead letter an administrator replays is applied exactly as if it had come from the topic. */
    @Override
    public void replay(ConsumerRecord<String, byte[]> record) {
        handle(record);
    }
}
