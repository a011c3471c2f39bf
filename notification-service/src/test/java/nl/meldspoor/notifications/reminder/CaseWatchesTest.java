package nl.meldspoor.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeTerms;
import nl.meldspoor.notifications.InMemoryMongo;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.reminder.fold.CaseFile;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A case's watch keeps the notification-service's view of the case, not its events: applying an event costs the same on
 * the case's thousandth event as on its first, the stored document does not grow with them and holds no text of the
 * case; a watch stored by the earlier version (with the events) goes on to the same reminders.
 */
class CaseWatchesTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    /** The commands that reached {@code case_watches}, by name ({@code find}, {@code insert}, {@code update}, ...). */
    private final List<String> watchCommands = new CopyOnWriteArrayList<>();
    private final InMemoryMongo store = new InMemoryMongo(new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            if (collection != null && collection.isString() && collection.asString().getValue().equals(CaseWatch.COLLECTION)) {
                watchCommands.add(event.getCommandName());
            }
        }
    });
    private final MongoTemplate mongo = store.template();
    private final CaseReminders reminders = new CaseReminders(new MeldcodeTerms(WorkingDays.dutch(), 5), TestOrganisation.calendar(), 14, 7);
    private final CaseWatches watches;

    CaseWatchesTest() {
        watches = new CaseWatches(mongo, new StoredEvents(CaseHistoryBuilder.JSON), reminders);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The events of the cases' histories as a poll brings them: interleaved, each case's in its own order. */
    private static List<PublishedEvent> interleaved(List<List<PublishedEvent>> histories) {
        List<PublishedEvent> poll = new ArrayList<>();
        int longest = histories.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<PublishedEvent> history : histories) {
                if (i < history.size()) {
                    poll.add(history.get(i));
                }
            }
        }
        return poll;
    }

    private static CaseHistoryBuilder longCase(int consultations) {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", START).suspicionAndUnsafety().helpStarted();
        for (int i = 0; i < consultations; i++) {
            history.consultedColleague();
        }
        return history;
    }

    private static CaseFile foldOf(List<PublishedEvent> events) {
        CaseFile file = new CaseFile();
        events.forEach(event -> file.apply((MeldcodeCaseEvent) event.payload()));
        return file;
    }

    private int storedSize(String caseId) {
        Document stored = mongo.getCollection(CaseWatch.COLLECTION).find(new Document("_id", caseId)).first();
        return new RawBsonDocument(stored, new DocumentCodec()).getByteBuffer().remaining();
    }

    @Test
    void theWatchKeepsTheViewOfTheCaseNotItsEventsAndDoesNotGrowWithThem() {
        List<PublishedEvent> events = longCase(300).published();
        String caseId = events.get(0).aggregateId();

        events.subList(0, 10).forEach(watches::apply);
        int afterTen = storedSize(caseId);
        events.subList(10, events.size()).forEach(watches::apply);
        int afterAll = storedSize(caseId);

        Document stored = mongo.getCollection(CaseWatch.COLLECTION).find(new Document("_id", caseId)).first();
        assertThat(stored.getList("events", Object.class, List.of())).as("no events kept").isEmpty();
        assertThat(afterAll).as("%d bytes after 10 events, %d after %d", afterTen, afterAll, events.size()).isLessThanOrEqualTo(afterTen + 64);
        assertThat(stored.toJson()).as("no text of the case: the help plan's texts stay sealed in the events")
                .doesNotContain("Wijkteam").doesNotContain("Veilig thuis");
        CaseWatch watch = mongo.findById(caseId, CaseWatch.class);
        assertThat(watch.pending()).isEqualTo(reminders.of(foldOf(events))).isNotEmpty();
        assertThat(watch.nextDueAt()).isNotNull();
        assertThat(watch.eventsFolded()).isEqualTo(events.size());
        assertThat(watch.appliedSequence()).isEqualTo(events.size() - 1);
    }

    @Test
    void anEventDeliveredAgainChangesNothingAndGivesTheCaseWithItsTeam() {
        List<PublishedEvent> events = longCase(5).published();
        events.forEach(watches::apply);
        CaseWatch before = mongo.findById(events.get(0).aggregateId(), CaseWatch.class);

        CaseFile again = watches.apply(events.get(2));

        CaseWatch after = mongo.findById(events.get(0).aggregateId(), CaseWatch.class);
        assertThat(again.team()).isEqualTo(foldOf(events.subList(0, 3)).team()).isNotNull();
        assertThat(again.caseId()).isEqualTo(events.get(0).aggregateId());
        assertThat(after.pending()).isEqualTo(before.pending());
        assertThat(after.eventsFolded()).as("not folded twice").isEqualTo(events.size());
        assertThat(storedSize(events.get(0).aggregateId())).isPositive();
    }

    @Test
    void aWatchStoredByTheEarlierVersionWithItsEventsGoesOnToTheSameReminders() {
        List<PublishedEvent> events = longCase(40).published();
        String caseId = events.get(0).aggregateId();
        List<PublishedEvent> before = events.subList(0, 30);
        // as the earlier version stored it: the events themselves, the reminders derived from them, no view
        CaseWatch earlier = CaseWatch.start(caseId);
        earlier.await("school-a", reminders.of(foldOf(before)));
        mongo.save(earlier);
        mongo.getCollection(CaseWatch.COLLECTION).updateOne(new Document("_id", caseId), new Document("$set", new Document("appliedSequence",
                (long) before.size() - 1).append("events", before.stream().map(StoredEvent::of).map(this::asDocument).toList())));

        assertThat(watches.apply(events.get(5)).team()).as("a redelivery reads the case from the kept events").isEqualTo(foldOf(before).team());
        events.subList(30, events.size()).forEach(watches::apply);

        Document stored = mongo.getCollection(CaseWatch.COLLECTION).find(new Document("_id", caseId)).first();
        assertThat(stored.getList("events", Object.class, List.of())).as("folded once, then dropped").isEmpty();
        CaseWatch upgraded = mongo.findById(caseId, CaseWatch.class);
        assertThat(upgraded.pending()).isEqualTo(reminders.of(foldOf(events)));
        assertThat(upgraded.eventsFolded()).as("the kept events count, each once").isEqualTo(events.size());
    }

    @Test
    void aPollsEventsAreAppliedWithOneReadAndOneWriteOfTheirWatchesToWhatOneByOneGives() {
        List<List<PublishedEvent>> histories = List.of(longCase(3).published(), longCase(0).published(),
                CaseHistoryBuilder.openedAt("school-b", START).published(), longCase(6).published());
        List<PublishedEvent> firstPoll = interleaved(histories.stream().map(history -> history.subList(0, (history.size() + 1) / 2)).toList());
        List<PublishedEvent> secondPoll = interleaved(histories.stream().map(history -> history.subList((history.size() + 1) / 2, history.size())).toList());

        List<CaseFile> files = watches.applyAll(firstPoll);
        assertThat(watchCommands).as("new watches: one read, one insert of them all").containsExactly("find", "insert");
        assertThat(files).hasSameSizeAs(firstPoll);
        for (int i = 0; i < firstPoll.size(); i++) {
            assertThat(files.get(i).caseId()).isEqualTo(firstPoll.get(i).aggregateId());
            assertThat(files.get(i).team()).isNotNull();
        }
        watchCommands.clear();
        watches.applyAll(secondPoll);
        assertThat(watchCommands).as("stored watches: one read, one bulk of replacements").containsExactly("find", "update");
        watchCommands.clear();
        watches.applyAll(secondPoll);
        assertThat(watchCommands).as("a poll delivered again is read and changes nothing").containsExactly("find");

        try (InMemoryMongo oneByOneStore = new InMemoryMongo()) {
            MongoTemplate oneByOne = oneByOneStore.template();
            CaseWatches each = new CaseWatches(oneByOne, new StoredEvents(CaseHistoryBuilder.JSON), reminders);
            firstPoll.forEach(each::apply);
            secondPoll.forEach(each::apply);
            for (List<PublishedEvent> history : histories) {
                String caseId = history.get(0).aggregateId();
                CaseWatch polled = mongo.findById(caseId, CaseWatch.class);
                CaseWatch applied = oneByOne.findById(caseId, CaseWatch.class);
                assertThat(polled.pending()).isEqualTo(applied.pending()).isEqualTo(reminders.of(foldOf(history)));
                assertThat(polled.nextDueAt()).isEqualTo(applied.nextDueAt());
                assertThat(polled.schoolId()).isEqualTo(applied.schoolId());
                assertThat(polled.appliedSequence()).isEqualTo(history.size() - 1);
                assertThat(polled.eventsFolded()).as("each event folded once").isEqualTo(history.size());
                assertThat(polled.version()).as("written once per poll that had its events").isEqualTo(history.size() > 1 ? 1L : 0L);
            }
        }
    }

    @Test
    void aWatchClaimedByTheReminderScanWhileThePollWasAppliedKeepsItsClaimAndGetsEveryEvent() {
        List<PublishedEvent> claimed = longCase(2).published();
        List<PublishedEvent> other = longCase(1).published();
        String caseId = claimed.get(0).aggregateId();
        watches.applyAll(interleaved(List.of(claimed.subList(0, 3), other.subList(0, 3))));
        Instant scanAt = mongo.findById(caseId, CaseWatch.class).nextDueAt();
        assertThat(scanAt).as("the case waits for a reminder").isNotNull();
        Instant claimedUntil = scanAt.plusSeconds(600);
        // the scan claims the watch after the poll read it and before the poll writes it
        AtomicBoolean scanned = new AtomicBoolean();
        CaseWatches polling = pollingWith(scanned, () -> assertThat(watches.claim(caseId, scanAt, claimedUntil)).isPresent());

        List<PublishedEvent> poll = interleaved(List.of(claimed.subList(3, claimed.size()), other.subList(3, other.size())));
        List<CaseFile> files = polling.applyAll(poll);

        assertThat(scanned).isTrue();
        assertThat(files).hasSameSizeAs(poll);
        CaseWatch watch = mongo.findById(caseId, CaseWatch.class);
        assertThat(watch.scanClaimedUntil()).as("the scan's claim is not written away").isEqualTo(claimedUntil);
        assertThat(watch.appliedSequence()).as("no event lost").isEqualTo(claimed.size() - 1);
        assertThat(watch.eventsFolded()).isEqualTo(claimed.size());
        assertThat(watch.pending()).isEqualTo(reminders.of(foldOf(claimed)));
        CaseWatch untouched = mongo.findById(other.get(0).aggregateId(), CaseWatch.class);
        assertThat(untouched.appliedSequence()).isEqualTo(other.size() - 1);
        assertThat(untouched.eventsFolded()).as("written by the bulk, not folded again by the one-by-one pass").isEqualTo(other.size());
    }

    @Test
    void aWatchAnotherReplicaStoredAfterThePollFoundNoneIsAConflictToo() {
        List<PublishedEvent> history = longCase(1).published();
        String caseId = history.get(0).aggregateId();
        // another replica (during a rebalance) stored the watch after this poll found none
        AtomicBoolean raced = new AtomicBoolean();
        pollingWith(raced, () -> watches.apply(history.get(0))).applyAll(history);

        assertThat(raced).isTrue();
        CaseWatch watch = mongo.findById(caseId, CaseWatch.class);
        assertThat(watch.appliedSequence()).isEqualTo(history.size() - 1);
        assertThat(watch.eventsFolded()).as("the other replica's event not folded twice").isEqualTo(history.size());
        assertThat(watch.pending()).isEqualTo(reminders.of(foldOf(history)));
    }

    /** Watches on the same store that let {@code meanwhile} write once, right after their first read of watches. */
    private CaseWatches pollingWith(AtomicBoolean ran, Runnable meanwhile) {
        MongoTemplate racing = new MongoTemplate(mongo.getMongoDatabaseFactory(), mongo.getConverter()) {
            @Override
            public <T> List<T> find(Query query, Class<T> entityClass) {
                List<T> found = super.find(query, entityClass);
                if (entityClass == CaseWatch.class && ran.compareAndSet(false, true)) {
                    meanwhile.run();
                }
                return found;
            }
        };
        return new CaseWatches(racing, new StoredEvents(CaseHistoryBuilder.JSON), reminders);
    }

    private Document asDocument(StoredEvent event) {
        Document document = new Document();
        mongo.getConverter().write(event, document);
        document.remove("_class");
        return document;
    }
}
