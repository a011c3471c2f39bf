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

    /** The last record of each partition among the applied ones of a poll, written in one bulk operation. */
    void applied(String readModel, List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> records,
                 List<nl.meldspoor.platform.consuming.PublishedEvent> events) {
        java.util.Map<String, Integer> last = new java.util.LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            last.put(records.get(i).topic() + "|" + records.get(i).partition(), i);
        }
        if (last.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, COLLECTION);
        last.values().forEach(i -> {
            var record = records.get(i);
            bulk.upsert(Query.query(Criteria.where("_id").is(readModel + "|" + record.topic() + "|" + record.partition())),
                    new Update().set("readModel", readModel).set("topic", record.topic()).set("partition", record.partition())
                            .set("offset", record.offset()).set("lastRecordedAt", events.get(i).recordedAt()));
        });
        bulk.execute();
    }

    public List<Position> of(String readModel) {
        return mongo.find(Query.query(Criteria.where("readModel").is(readModel)), Position.class, COLLECTION);
    }

    /** Forgets the consumer's positions on topics it no longer reads (health would show them as applied for ever). */
    void forgetOtherTopics(String readModel, List<String> topics) {
        mongo.remove(Query.query(Criteria.where("readModel").is(readModel).and("topic").nin(topics)), COLLECTION);
    }

    void forget(String readModel) {
        mongo.remove(Query.query(Criteria.where("readModel").is(readModel)), COLLECTION);
    }
}
