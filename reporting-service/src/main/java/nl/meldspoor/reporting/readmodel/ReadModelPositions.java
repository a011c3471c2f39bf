package nl.meldspoor.reporting.readmodel;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The Kafka position each read model has applied, per partition — shown in health and used for lag. */
@Component
public class ReadModelPositions {

    static final String COLLECTION = "read_model_positions";

    /** The last applied record of one read model on one partition. */
    public record Position(String readModel, String topic, int partition, long offset, Instant lastRecordedAt) {
    }

    private final MongoTemplate mongo;

    public ReadModelPositions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void applied(String readModel, String topic, int partition, long offset, Instant recordedAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(readModel + "|" + topic + "|" + partition)),
                new Update().set("readModel", readModel).set("topic", topic).set("partition", partition)
                        .set("offset", offset).set("lastRecordedAt", recordedAt),
                COLLECTION);
    }

    public List<Position> of(String readModel) {
        return mongo.find(Query.query(Criteria.where("readModel").is(readModel)), Position.class, COLLECTION);
    }

    void forget(String readModel) {
        mongo.remove(Query.query(Criteria.where("readModel").is(readModel)), COLLECTION);
    }
}
