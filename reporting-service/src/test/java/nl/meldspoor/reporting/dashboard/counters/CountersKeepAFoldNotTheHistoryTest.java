package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dashboard.BoardHistory;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.organisation.OrganisationProperties.School;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MongoConverter;
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

    /** The stored fold's fields, as a document. */
    private Document source(String caseId) {
        Document stored = mongo.template().findById(caseId, Document.class, CounterSource.COLLECTION);
        assertThat(stored.keySet()).containsExactly("_id", StoredFold.FOLD, StoredFold.CONTRIBUTIONS);
        return Document.parse(new String(stored.get(StoredFold.FOLD, Binary.class).getData(), StandardCharsets.UTF_8));
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
        assertThat(kept.get("appliedSequence", Number.class).longValue()).isEqualTo(300);
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
        assertThat(kept.get("appliedSequence", Number.class).longValue()).isEqualTo(5);
    }

    /**
     * Every fold of a generated board (cases in every step, pupils' signals, incidents — folded in memory from their
     * events, with a held event and the months they count in) comes back from its stored value with every field it had:
     * mapped field by field, it is the document the fold itself maps to.
     */
    @Test
    void everyFoldIsStoredWithAllItsFields() {
        List<School> schools = List.of(new School("school-a", "A"), new School("school-b", "B"));
        MongoConverter converter = mongo.template().getConverter();
        Set<String> kinds = new TreeSet<>();
        for (List<PublishedEvent> aggregate : BoardHistory.generate(20261207L, schools, LocalDate.of(2024, 8, 1), 2, 8)) {
            CounterSource fold = new CounterSource(aggregate.get(0).aggregateId());
            for (PublishedEvent event : aggregate.subList(0, aggregate.size() - 1)) {
                DashboardCounters.fold(fold, event.payload());
                fold.applied(event.sequence());
            }
            fold.hold(StoredEvent.of(aggregate.get(aggregate.size() - 1)));
            fold.contributedTo(Set.of("school-a|2025-01", "school-b|2025-02"));
            Document mapped = new Document();
            converter.write(fold, mapped);
            Document stored = StoredFold.of(fold, null);
            assertThat(stored.keySet()).containsExactly("_id", StoredFold.FOLD);
            Document readBack = new Document();
            converter.write(StoredFold.read(stored, converter), readBack);
            assertThat(readBack).as("the fold of %s", fold.aggregateId()).isEqualTo(mapped);
            kinds.addAll(mapped.keySet().stream().filter(List.of("progress", "signals", "incident")::contains).toList());
        }
        assertThat(kinds).as("folds of cases, pupils' files and incidents").containsExactly("incident", "progress", "signals");
    }

    /**
     * A fold stored as a mapped document and its contributions each in a document of its own (as format 5 did: a
     * replica of the previous version still consuming a generation being rebuilt, during a rolling update) are read as
     * written and go on being counted: stored anew in this format's shape, the contributions with the fold, as the fold
     * of an aggregate counted in that shape all along.
     */
    @Test
    void aFoldStoredAsAMappedDocumentGoesOnBeingCounted() {
        var events = aCaseConsultedTimes("school-a", 6).published();
        String caseId = events.get(0).aggregateId();
        events.subList(0, 4).forEach(counters::apply);
        Document stored = mongo.template().findById(caseId, Document.class, CounterSource.COLLECTION);
        Document mapped = new Document();
        mongo.template().getConverter().write(StoredFold.read(stored, mongo.template().getConverter()), mapped);
        mongo.template().getCollection(CounterSource.COLLECTION).replaceOne(new Document("_id", caseId), mapped);
        Document contributions = StoredFold.contributionsOf(stored);
        assertThat(contributions.keySet()).as("the one month it contributed to").containsExactly(DashboardCounters.fieldKey("school-a|2026-09"));
        mongo.template().getCollection(Contribution.COLLECTION).insertOne(new Document(contributions.get(DashboardCounters.fieldKey("school-a|2026-09"), Document.class))
                .append("_id", Contribution.idOf("school-a|2026-09", caseId)));
        assertThat(mongo.template().findById(caseId, Document.class, CounterSource.COLLECTION)).containsKey("appliedSequence")
                .doesNotContainKey(StoredFold.FOLD);

        events.subList(4, events.size()).forEach(counters::apply);

        try (InMemoryMongo allAlong = new InMemoryMongo()) {
            DashboardCounters counted = new DashboardCounters(allAlong.template(),
                    (MongoMappingContext) allAlong.template().getConverter().getMappingContext(), storedEvents, new CaseDeadlines(WorkingDays.dutch(), 5));
            counted.prepareStorage();
            events.forEach(counted::apply);
            Document inTheNewShapeAllAlong = allAlong.template().findById(caseId, Document.class, CounterSource.COLLECTION);
            assertThat(mongo.template().findById(caseId, Document.class, CounterSource.COLLECTION)).isEqualTo(inTheNewShapeAllAlong);
            assertThat(mongo.template().getCollection("dashboard_counters").find().into(new java.util.ArrayList<>()))
                    .isEqualTo(allAlong.template().getCollection("dashboard_counters").find().into(new java.util.ArrayList<>()));
        }
    }
}
