package nl.meldspoor.reporting.meldcase;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.HistoryEntry;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The stored dossier's timeline (the history entries up to the dossier's sequence) is read by the entries' ids, which the
 * {@code _id} index serves on MongoDB and on mongo-java-server (which has no index on aggregate and sequence and scanned the
 * board's whole history collection for it), and it is the same list the read by aggregate and sequence gave.
 */
class StoredTimelineReadByIdsTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final List<BsonDocument> finds = new CopyOnWriteArrayList<>();
    private final MongoClient listened = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(mongo.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("find")) {
                        finds.add(event.getCommand().clone());
                    }
                }
            }).build());
    private final MongoTemplate template = new MongoTemplate(listened, "test");

    @AfterEach
    void tearDown() {
        listened.close();
        mongo.close();
    }

    @Test
    void theTimelineUpToASequenceIsTheRangeOfItsCaseReadByIds() {
        MeldcodeCases readModel = mongo.meldcodeCases();
        CaseHistoryBuilder longCase = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true);
        while (longCase.events().size() < 1_010) {
            // past the ids of one query
            longCase.askedVeiligThuis().weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.DOUBT,
                    new WeighingOutcome(false, null, AfwegingQuestion.VEILIGHEID, false));
        }
        CaseHistoryBuilder other = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true);
        List<PublishedEvent> events = new ArrayList<>(longCase.published());
        events.addAll(other.published());
        for (int from = 0; from < events.size(); from += 100) {
            readModel.applyAll(events.subList(from, Math.min(events.size(), from + 100)), 0);
        }
        CaseQueries queries = new CaseQueries(template);
        long last = longCase.events().size() - 1;

        for (long upTo : new long[] {-1, 0, 1, 2, 998, 999, 1_000, 1_001, last - 1, last, last + 5}) {
            finds.clear();
            List<StoredEvent> timeline = queries.history(longCase.caseId(), upTo);

            assertThat(timeline).as("up to %d", upTo).usingRecursiveFieldByFieldElementComparator()
                    .isEqualTo(byAggregateAndSequence(longCase.caseId(), upTo));
            assertThat(finds).as("every find of the timeline up to %d is by _id alone", upTo)
                    .allSatisfy(find -> assertThat(find.getDocument("filter").keySet()).containsExactly("_id"));
        }
        assertThat(queries.history(other.caseId(), other.events().size() - 1)).extracting(StoredEvent::sequence)
                .containsExactly(0L, 1L, 2L);
        assertThat(queries.history("no-such-case", 3)).isEmpty();
    }

    /** The read the dossier's timeline used to be. */
    private List<StoredEvent> byAggregateAndSequence(String caseId, long upTo) {
        Query query = Query.query(Criteria.where("aggregateId").is(caseId).and("sequence").lte(upTo)).with(Sort.by("sequence"));
        return mongo.template().find(query, HistoryEntry.class, Generations.nameOf(MeldcodeCases.HISTORY, 0)).stream().map(HistoryEntry::event).toList();
    }
}
