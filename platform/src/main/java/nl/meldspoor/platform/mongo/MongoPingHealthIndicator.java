package nl.meldspoor.platform.mongo;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by the {@code ping} command, which every MongoDB and mongo-java-server answer
 * (Spring Boot's indicator sends {@code hello}, which mongo-java-server does not know).
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
