package nl.meldspoor.notifications.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
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
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A case's watch keeps the notification-service's view of the case, not its events: applying an event costs the same on
 * the case's thousandth event as on its first, the stored document does not grow with them and holds no text of the
 * case; a watch stored by the earlier version (with the events) goes on to the same reminders.
 */
class CaseWatchesTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private final InMemoryMongo store = new InMemoryMongo();
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

    private Document asDocument(StoredEvent event) {
        Document document = new Document();
        mongo.getConverter().write(event, document);
        document.remove("_class");
        return document;
    }
}
