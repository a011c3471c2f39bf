package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * The counters keep per aggregate a small fold, updated from itself and the one new event: no copy of the events,
 * none of their texts, no replay of the history on each event.
 */
class CountersKeepAFoldNotTheHistoryTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    /** Counts the events the counters deserialize from stored copies: only held events after a gap should be. */
    private static final class CountingStoredEvents extends StoredEvents {
        final AtomicInteger read = new AtomicInteger();

        CountingStoredEvents() {
            super(CaseHistoryBuilder.JSON);
        }

        @Override
        public <T> List<T> read(List<StoredEvent> stored, Class<T> as) {
            read.addAndGet(stored.size());
            return super.read(stored, as);
        }

        @Override
        public <T> T read(StoredEvent stored, Class<T> as) {
            read.incrementAndGet();
            return super.read(stored, as);
        }
    }

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final CountingStoredEvents storedEvents = new CountingStoredEvents();
    private final DashboardCounters counters = new DashboardCounters(mongo.template(),
            (MongoMappingContext) mongo.template().getConverter().getMappingContext(), storedEvents, new CaseDeadlines(WorkingDays.dutch(), 5));

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static CaseHistoryBuilder aCaseConsultedTimes(String school, int consultations) {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedWith(school, START, "pupil-1",
                CaseHistoryBuilder.signal("signal-1", START.minusSeconds(3600)));
        for (int i = 0; i < consultations; i++) {
            history.consultedColleague();
        }
        return history;
    }

    private Document source(String caseId) {
        return mongo.template().findById(caseId, Document.class, CounterSource.COLLECTION);
    }

    private static int sizeOf(Document document) {
        return RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining();
    }

    @Test
    void aLongCaseKeepsAFoldOfTheSameSizeAsAShortOneWithoutAnyOfItsTexts() {
        CaseHistoryBuilder shortCase = aCaseConsultedTimes("school-a", 10);
        CaseHistoryBuilder longCase = aCaseConsultedTimes("school-a", 300);
        shortCase.published().forEach(counters::apply);
        longCase.published().forEach(counters::apply);

        Document kept = source(longCase.caseId());
        assertThat(kept.getLong("appliedSequence")).isEqualTo(300);
        assertThat(kept).doesNotContainKey("events");
        assertThat(sizeOf(kept)).as("the fold of 301 events is no bigger than that of 11").isEqualTo(sizeOf(source(shortCase.caseId())));
        assertThat(kept.toJson()).doesNotContain("Blauwe plekken", "De signalen.", "pupil-1", "vorige leerkracht");
    }

    @Test
    void eachEventIsFoldedWithoutReadingTheEventsBeforeIt() {
        aCaseConsultedTimes("school-a", 50).published().forEach(counters::apply);

        assertThat(storedEvents.read.get()).as("stored events deserialized while applying 51 events in order").isZero();
    }

    @Test
    void onlyTheEventsHeldAfterAGapAreReadBackAndThenLetGo() {
        var events = aCaseConsultedTimes("school-a", 5).published();
        events.subList(1, events.size()).forEach(counters::apply);
        assertThat(source(events.get(0).aggregateId()).getList("waiting", Document.class)).hasSize(5);

        counters.apply(events.get(0));

        assertThat(storedEvents.read.get()).isEqualTo(5);
        Document kept = source(events.get(0).aggregateId());
        assertThat(kept.getList("waiting", Document.class)).isEmpty();
        assertThat(kept.getLong("appliedSequence")).isEqualTo(5);
    }
}
