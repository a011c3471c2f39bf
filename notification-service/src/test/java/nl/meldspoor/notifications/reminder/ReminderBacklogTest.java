package nl.meldspoor.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.notifications.FakeStaffDirectory;
import nl.meldspoor.notifications.InMemoryMongo;
import nl.meldspoor.notifications.NotificationProperties;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.alert.Messages;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.notifications.notification.Notification;
import nl.meldspoor.notifications.notification.Notifications;
import nl.meldspoor.notifications.organisation.Recipients;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The reminders of a backlog (a board loaded with years of open cases, a notification-service that was down) are all
 * given in one scan, not a hundred cases per scan interval; each once.
 */
class ReminderBacklogTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:15:00Z");
    private static final int CASES = 250;

    /** Commands that look for watches by something else than their id: each reads every watch on a store without an index. */
    private final AtomicInteger scansOfTheWatches = new AtomicInteger();
    private final InMemoryMongo store = new InMemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            String collection = command.containsKey(event.getCommandName()) && command.get(event.getCommandName()).isString()
                    ? command.getString(event.getCommandName()).getValue() : "";
            BsonDocument filter = command.containsKey("filter") ? command.getDocument("filter")
                    : command.containsKey("query") ? command.getDocument("query") : null;
            if (collection.equals("case_watches") && filter != null && !filter.containsKey("_id")) {
                scansOfTheWatches.incrementAndGet();
            }
        }
    });
    private final MongoTemplate mongo = store.template();
    private final FakeStaffDirectory directory = TestOrganisation.directory();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Recipients recipients = TestOrganisation.recipients(directory, clock);


    @AfterEach
    void close() {
        store.close();
    }

    private ReminderScheduler scheduler() {
        Notifications notifications = new Notifications(mongo, TestOrganisation.staff(), recipients, clock, new SimpleMeterRegistry());
        return new ReminderScheduler(new CaseWatches(mongo, null, null), new ReminderTexts(new Messages(TestOrganisation.staff())),
                notifications, recipients, clock, new NotificationProperties(null, null, null, null, null, null, null, null,
                Duration.ofMinutes(5), null));
    }

    @Test
    void aBacklogOfOverdueCasesIsRemindedInOneScanEachOnce() {
        for (int i = 0; i < CASES; i++) {
            CaseWatch watch = CaseWatch.start("case-" + i);
            LocalDate lastActivity = LocalDate.parse("2024-10-01").plusDays(i);
            watch.await("school-a", List.of(new Reminder("inactive:" + lastActivity, NotificationType.CASE_INACTIVE_REMINDER,
                    NOW.minus(Duration.ofDays(400 - i)), List.of("ib-a"), lastActivity)));
            mongo.save(watch);
        }

        scheduler().giveDueReminders();
        assertThat(scansOfTheWatches).as("due watches looked for per batch of %d, not per watch", ReminderScheduler.BATCH)
                .hasValue(CASES / ReminderScheduler.BATCH + 1);

        List<Notification> raised = mongo.findAll(Notification.class);
        assertThat(raised).hasSize(CASES).allSatisfy(notification -> {
            assertThat(notification.type()).isEqualTo(NotificationType.CASE_INACTIVE_REMINDER);
            assertThat(notification.recipientId()).isEqualTo("ib-a");
        });
        assertThat(raised.stream().map(Notification::reference).distinct()).hasSize(CASES);
        assertThat(mongo.findAll(CaseWatch.class)).allSatisfy(watch -> {
            assertThat(watch.nextDueAt()).as("nothing due any more").isNull();
            assertThat(watch.scanClaimedUntil()).isNull();
        });

        scansOfTheWatches.set(0);
        scheduler().giveDueReminders();
        assertThat(scansOfTheWatches).as("one look that finds nothing due").hasValue(1);
        assertThat(mongo.findAll(Notification.class)).as("the next scan gives nothing again").hasSize(CASES);
    }
}
