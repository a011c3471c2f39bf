package nl.meldspoor.reporting.accesslog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import nl.meldspoor.api.access.RecordKind;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Who looked at what: per school for the principal and the auditor, per case for its timeline. */
@Component
public class AccessLogQueries {

    private final MongoTemplate mongo;

    AccessLogQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The newest {@code limit} reads of one case (its state, timeline, dossier and rapportage), and how many there are. */
    public NewestReads ofCase(String caseId, int limit) {
        List<RecordKind> caseKinds = Arrays.stream(RecordKind.values()).filter(RecordKind::isAboutACase).toList();
        Query query = Query.query(Criteria.where("recordId").is(caseId).and("kind").in(caseKinds));
        List<AccessEntry> newest = mongo.find(Query.of(query).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit), AccessEntry.class);
        long total = newest.size() < limit ? newest.size() : mongo.count(query, AccessEntry.class);
        return new NewestReads(newest, total);
    }

    /** The newest reads of a case and the number of all its reads. */
    public record NewestReads(List<AccessEntry> entries, long total) {
    }

    public Page<AccessEntry> ofSchool(String schoolId, String personId, String recordId, Instant from, Instant to, Pageable page) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (personId != null) {
            criteria = criteria.and("personId").is(personId);
        }
        if (recordId != null) {
            criteria = criteria.and("recordId").is(recordId);
        }
        if (from != null || to != null) {
            Criteria at = Criteria.where("at");
            if (from != null) {
                at = at.gte(from);
            }
            if (to != null) {
                at = at.lt(to);
            }
            criteria = criteria.andOperator(at);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AccessEntry.class);
        List<AccessEntry> entries = mongo.find(query.with(page).with(Sort.by(Sort.Direction.DESC, "at").and(Sort.by("_id"))), AccessEntry.class);
        return new PageImpl<>(entries, page, total);
    }
}
