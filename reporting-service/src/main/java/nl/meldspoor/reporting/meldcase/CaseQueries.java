package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.meldspoor.platform.consuming.StoredEvent;
import nl.meldspoor.reporting.readmodel.Generations;
import nl.meldspoor.reporting.readmodel.HistoryEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Queries on the meldcode cases read model; each is served by one of {@link CaseRecord}'s indexes. */
@Component
public class CaseQueries {

    private static final int HISTORY_READ_ATTEMPTS = 3;

    private final MongoTemplate mongo;
    private final Generations generations;

    public CaseQueries(MongoTemplate mongo) {
        this(mongo, new Generations(mongo));
    }

    @Autowired
    public CaseQueries(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** The served generation's collection: a rebuild beside it does not change what queries see until it switches. */
    private String collection() {
        return generations.collection(MeldcodeCases.NAME, CaseRecord.COLLECTION);
    }

    public Optional<CaseRecord> byId(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseRecord.class, collection()));
    }

    /** The case's applied events in order, one stored document each — the dossier's timeline. */
    public List<StoredEvent> history(String caseId) {
        Query query = Query.query(Criteria.where("aggregateId").is(caseId)).with(Sort.by("sequence"));
        List<StoredEvent> events = mongo.find(query, HistoryEntry.class, generations.collection(MeldcodeCases.NAME, MeldcodeCases.HISTORY))
                .stream().map(HistoryEntry::event).toList();
        // a served view of the older format keeps its events inside, until the rebuild started at startup switches
        return events.isEmpty() ? HistoryEntry.insideOlderView(mongo, collection(), caseId) : events;
    }

    /**
     * The history of a case whose view was just read. A generation switch between the reads (the old generation's
     * collections go at the switch) can leave one read empty; a case's history never is, so it is read again from the
     * generation served then.
     */
    public List<StoredEvent> historyOfReadCase(String caseId) {
        for (int attempt = 0; attempt < HISTORY_READ_ATTEMPTS; attempt++) {
            List<StoredEvent> events = history(caseId);
            if (!events.isEmpty()) {
                return events;
            }
        }
        throw new IllegalStateException("Case " + caseId + " has a view but no history in " + HISTORY_READ_ATTEMPTS + " reads");
    }

    /**
     * The case's events up to and including the given sequence, one stored document each: the timeline of a stored
     * dossier, which may be a poll behind the history (entries are written before the views). Read by the entries' ids.
     */
    public List<StoredEvent> history(String caseId, long upToSequence) {
        return HistoryEntry.upTo(mongo, generations.collection(MeldcodeCases.NAME, MeldcodeCases.HISTORY), caseId, upToSequence);
    }

    /** A school's cases, optionally by status and step, paged and sorted; without their events. */
    public Page<CaseSummary> ofSchool(String schoolId, String status, Integer step, Pageable page) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (step != null) {
            criteria = criteria.and("currentStep").is(step);
        }
        Query query = Query.query(criteria);
        String collection = collection();
        long total = mongo.count(query, CaseRecord.class, collection);
        query.with(page);
        query.fields().exclude("progress").exclude("dossier");
        List<CaseSummary> cases = mongo.find(query, CaseRecord.class, collection).stream().map(CaseSummary::of).toList();
        return new PageImpl<>(cases, page, total);
    }

    /**
     * Cases of the given schools that were open at some moment of [from, to): opened before {@code to}
     * and not closed before {@code from}. Only the fields the dashboards count are read.
     */
    public List<CaseRecord> activeIn(List<String> schoolIds, Instant from, Instant to) {
        Query query = Query.query(Criteria.where("schoolId").in(schoolIds).and("openedAt").lt(to)
                .orOperator(Criteria.where("closedAt").isNull(), Criteria.where("closedAt").gte(from)));
        query.fields().include("schoolId", "status", "openedAt", "closedAt", "facts");
        return mongo.find(query, CaseRecord.class, collection());
    }
}
