package nl.meldspoor.platform.consuming;

import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Replayed dead letters of a service that keeps its state in MongoDB: the insert of the dead letter's
 * {@code _id} is the claim, so two replays of it cannot both win (no transactions needed).
 */
class MongoReplayedDeadLetters implements ReplayedDeadLetters {

    static final String COLLECTION = "replayed_dead_letters";

    private final MongoTemplate mongo;

    MongoReplayedDeadLetters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static ReplayedDeadLetters in(org.springframework.context.ApplicationContext context) {
        MongoTemplate mongo = context.getBeanProvider(MongoTemplate.class).getIfAvailable();
        return mongo == null ? null : new MongoReplayedDeadLetters(mongo);
    }

    @Override
    public boolean claim(String deadLetterTopic, int partition, long offset, Replay replay) {
        try {
            mongo.insert(new Document("_id", id(deadLetterTopic, partition, offset)).append("consumer", replay.consumer())
                    .append("replayedBy", replay.replayedBy()).append("replayedAt", java.util.Date.from(replay.replayedAt())), COLLECTION);
            return true;
        } catch (DuplicateKeyException replayedAlready) {
            return false;
        }
    }

    @Override
    public void release(String deadLetterTopic, int partition, long offset) {
        mongo.remove(byId(deadLetterTopic, partition, offset), COLLECTION);
    }

    @Override
    public Optional<Replay> of(String deadLetterTopic, int partition, long offset) {
        return Optional.ofNullable(mongo.findOne(byId(deadLetterTopic, partition, offset), Document.class, COLLECTION))
                .map(found -> new Replay(found.getString("consumer"), found.getString("replayedBy"),
                        found.getDate("replayedAt").toInstant()));
    }

    private static Query byId(String deadLetterTopic, int partition, long offset) {
        return Query.query(Criteria.where("_id").is(id(deadLetterTopic, partition, offset)));
    }

    private static String id(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "|" + partition + "|" + offset;
    }
}
