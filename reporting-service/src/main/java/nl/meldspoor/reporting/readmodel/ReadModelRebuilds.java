package nl.meldspoor.reporting.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Rebuild requests, kept in MongoDB so that a crash between dropping a read model and rewinding its
 * consumer still ends in a complete rebuild after restart.
 */
@Component
public class ReadModelRebuilds {

    static final String COLLECTION = "read_model_rebuilds";

    /**
     * @param status      REQUESTED until the consumer has rewound to offset 0, then REPLAYING (from offset 0, into {@code generation}
     *                    for read models kept per generation)
     * @param generation  the generation being built beside the served one, for read models kept per generation
     * @param switchedAt  when queries switched to the rebuilt generation; null while the old one is still served
     */
    public record Rebuild(String id, String status, Instant requestedAt, Instant replayStartedAt, Integer generation, Instant switchedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    public ReadModelRebuilds(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void request(String readModel) {
        mongo.upsert(byId(readModel), new Update().set("status", "REQUESTED").set("requestedAt", clock.instant()).unset("replayStartedAt"), COLLECTION);
    }

    /** A rebuild beside the served generation: it replays from offset 0 in a consumer group of its own. */
    void replayingInto(String readModel, int generation) {
        var now = clock.instant();
        mongo.upsert(byId(readModel), new Update().set("status", "REPLAYING").set("requestedAt", now).set("replayStartedAt", now)
                .set("generation", generation).unset("switchedAt"), COLLECTION);
    }

    void switched(String readModel, int generation) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(readModel).and("generation").is(generation)),
                new Update().set("switchedAt", clock.instant()), COLLECTION);
    }

    boolean requested(String readModel) {
        return status(readModel).map(rebuild -> "REQUESTED".equals(rebuild.status())).orElse(false);
    }

    void replayStarted(String readModel) {
        mongo.updateFirst(byId(readModel), new Update().set("status", "REPLAYING").set("replayStartedAt", clock.instant()), COLLECTION);
    }

    public Optional<Rebuild> status(String readModel) {
        return Optional.ofNullable(mongo.findOne(byId(readModel), Rebuild.class, COLLECTION));
    }

    private static Query byId(String readModel) {
        return Query.query(Criteria.where("_id").is(readModel));
    }
}
