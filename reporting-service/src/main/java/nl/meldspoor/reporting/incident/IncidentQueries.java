package nl.meldspoor.reporting.incident;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.meldspoor.api.incident.IncidentType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import nl.meldspoor.reporting.readmodel.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Queries on the incident register; each is served by one of {@link IncidentRecord}'s indexes. */
@Component
public class IncidentQueries {

    /**
     * What a register query selects.
     *
     * @param to         exclusive; {@code null} fields select everything
     * @param meldplicht which meldplicht incidents the reader may see; never {@code null}
     */
    public record Filter(String schoolId, IncidentType type, Instant from, Instant to, ProtocolStatus protocolStatus,
                         MeldplichtLines meldplicht) {

        public Filter {
            Objects.requireNonNull(meldplicht, "say whose meldplicht incidents the reader sees");
        }
    }

    /**
     * The meldplicht incidents (a suspected sexual offence by staff) a register reader sees (DOMAIN.md §7): all of them
     * for the board's contact person and an auditor, otherwise only those the reader recorded — anyone else at the
     * school may be the suspect.
     *
     * @param recordedBy the reader's person id, when they see only their own
     */
    public record MeldplichtLines(boolean all, String recordedBy) {

        public static final MeldplichtLines ALL = new MeldplichtLines(true, null);

        public static MeldplichtLines recordedBy(String personId) {
            return new MeldplichtLines(false, Objects.requireNonNull(personId));
        }
    }

    private final MongoTemplate mongo;
    private final Generations generations;

    public IncidentQueries(MongoTemplate mongo) {
        this(mongo, new Generations(mongo));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public IncidentQueries(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** The served generation: a rebuild beside it changes nothing here until it switches. */
    private String collection() {
        return generations.collection(IncidentRegister.NAME, IncidentRecord.COLLECTION);
    }

    public Page<IncidentLine> register(Filter filter, Pageable page) {
        Query query = query(filter);
        long total = mongo.count(query, IncidentRecord.class, collection());
        query.with(page);
        return new PageImpl<>(lines(query), page, total);
    }

    /** Every line the filter selects, chronologically: for the export. */
    public List<IncidentLine> all(Filter filter) {
        return lines(query(filter).with(Sort.by("line.occurredAt", "_id")));
    }

    /** The incidents of some schools that occurred in [from, to), for the dashboards. */
    public List<IncidentLine> occurredIn(List<String> schoolIds, Instant from, Instant to) {
        Query query = Query.query(Criteria.where("schoolId").in(schoolIds).and("line.occurredAt").gte(from).lt(to));
        return lines(query);
    }

    private static Query query(Filter filter) {
        Criteria criteria = Criteria.where("schoolId").is(filter.schoolId());
        if (filter.type() != null) {
            criteria = criteria.and("line.type").is(filter.type());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria occurred = criteria.and("line.occurredAt");
            if (filter.from() != null) {
                occurred = occurred.gte(filter.from());
            }
            if (filter.to() != null) {
                occurred.lt(filter.to());
            }
        }
        if (filter.protocolStatus() != null) {
            criteria = criteria.and("line.protocolStatus").is(filter.protocolStatus());
        }
        if (!filter.meldplicht().all()) {
            criteria = criteria.orOperator(Criteria.where("line.meldplicht").is(false),
                    Criteria.where("recordedBy").is(filter.meldplicht().recordedBy()));
        }
        return Query.query(criteria);
    }

    private List<IncidentLine> lines(Query query) {
        query.fields().include("line");
        return mongo.find(query, IncidentRecord.class, collection()).stream().map(IncidentRecord::line).toList();
    }
}
