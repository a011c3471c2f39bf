package nl.meldspoor.reporting.accesslog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.readmodel.ReadModel;
import nl.meldspoor.reporting.readmodel.ReportingProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The board's access log, queryable per school and per record, built from {@link Topics#ACCESS_LOG}
 * and, like every read model, rebuilt from offset 0 on request. An entry is inserted once: a read
 * delivered again changes nothing. Each entry is chained to the school's previous entry of that day
 * ({@link AccessLogChain}), so a later change to the stored log shows.
 */
@Component
class AccessLogReadModel implements ReadModel {

    static final String NAME = "access-log";

    private final MongoTemplate mongo;
    private final MongoMappingContext mappingContext;
    private final AccessLogChain chain;

    AccessLogReadModel(MongoTemplate mongo, MongoMappingContext mappingContext, AccessLogChain chain) {
        this.mongo = mongo;
        this.mappingContext = mappingContext;
        this.chain = chain;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> collections() {
        return List.of(AccessEntry.COLLECTION, AccessChainHead.COLLECTION);
    }

    @Override
    public List<String> topics(ReportingProperties properties) {
        return List.of(Topics.ACCESS_LOG);
    }

    @Override
    public void prepareStorage() {
        var indexes = mongo.indexOps(AccessEntry.class);
        new MongoPersistentEntityIndexResolver(mappingContext).resolveIndexFor(AccessEntry.class).forEach(indexes::ensureIndex);
        forgetFreeTextPurposes();
        chain.prepareStorage();
    }

    /**
     * Entries written from {@link RecordViewed} revision 1 hold the reader's own words as purpose, which may
     * name a pupil: they become {@link AccessPurpose#OTHER}, as that revision now reads, so the old text
     * is no longer shown, exported or kept here.
     */
    void forgetFreeTextPurposes() {
        List<String> codes = Arrays.stream(AccessPurpose.values()).map(Enum::name).toList();
        mongo.updateMulti(Query.query(Criteria.where("purpose").ne(null).nin(codes)),
                new Update().set("purpose", AccessPurpose.OTHER), AccessEntry.class);
    }

    @Override
    public void apply(PublishedEvent event) {
        if (!(event.payload() instanceof RecordViewed viewed)) {
            return;
        }
        if (mongo.exists(Query.query(Criteria.where("_id").is(viewed.accessId())), AccessEntry.class)) {
            return;
        }
        // Mongo keeps milliseconds: the hash is over the time as it will be read back.
        Instant at = viewed.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        AccessEntry unchained = new AccessEntry(viewed.accessId(), viewed.schoolId(), viewed.actor().personId(), viewed.actor().role(),
                viewed.kind(), viewed.kind().label(), viewed.recordId(), viewed.purpose(), at, null, null, null);
        chain.append(unchained);
    }
}
