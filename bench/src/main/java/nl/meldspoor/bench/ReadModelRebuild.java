package nl.meldspoor.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * A read model's rebuild as the reporting-service keeps it in MongoDB (read-only here): the generation pointer
 * ({@code read_model_generations}: the served generation and the one being built beside it), the rebuild request
 * ({@code read_model_rebuilds}) and the applied positions ({@code read_model_positions}, per consumer: the read
 * model's name for generation 0, {@code name.gN} after). A generational read model is rebuilt when the pointer
 * switches to the new generation; one rebuilt in place when its positions have reached the topics' ends again.
 */
final class ReadModelRebuild implements AutoCloseable {

    private final MongoClient client;
    private final MongoDatabase reporting;

    ReadModelRebuild(String reportingMongoUri) {
        client = MongoClients.create(reportingMongoUri);
        reporting = client.getDatabase(reportingMongoUri.substring(reportingMongoUri.lastIndexOf('/') + 1));
    }

    /** The generation queries read now (0 before the first rebuild beside: the plain collections). */
    int served(String readModel) {
        Document pointer = pointer(readModel);
        return pointer == null ? 0 : pointer.getInteger("active", 0);
    }

    /** The generation being built beside the served one, or null (also for read models rebuilt in place). */
    Integer building(String readModel) {
        Document pointer = pointer(readModel);
        return pointer == null ? null : pointer.getInteger("building");
    }

    /** The consumer group that keeps the served generation current (reporting-service ReportingProperties.groupId). */
    String servingGroup(String readModel) {
        return "reporting." + consumerName(readModel, served(readModel));
    }

    static String consumerName(String readModel, int generation) {
        return generation == 0 ? readModel : readModel + ".g" + generation;
    }

    /** Waits until the pointer serves the generation (the switch, one atomic update in the reporting-service). */
    void awaitServed(String readModel, int generation, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (served(readModel) < generation) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(readModel + " did not switch to generation " + generation + " within " + timeout);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the consumer has applied every record below the given ends (positions hold the last applied offset). */
    void awaitApplied(String readModel, int generation, Map<TopicPartition, Long> ends, Duration timeout) throws InterruptedException {
        String consumer = consumerName(readModel, generation);
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<TopicPartition, Long> applied = new HashMap<>();
            for (Document position : reporting.getCollection("read_model_positions").find(Filters.eq("readModel", consumer))) {
                applied.put(new TopicPartition(position.getString("topic"), position.getInteger("partition")),
                        ((Number) position.get("offset")).longValue());
            }
            if (ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || applied.getOrDefault(end.getKey(), -1L) >= end.getValue() - 1)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(consumer + " did not apply up to " + ends + " within " + timeout + " (applied " + applied + ")");
            }
            Thread.sleep(10);
        }
    }

    /** The rebuild request's status (REQUESTED, REPLAYING), or null. */
    String status(String readModel) {
        Document rebuild = reporting.getCollection("read_model_rebuilds").find(Filters.eq("_id", readModel)).first();
        return rebuild == null ? null : rebuild.getString("status");
    }

    private Document pointer(String readModel) {
        return reporting.getCollection("read_model_generations").find(Filters.eq("_id", readModel)).first();
    }

    @Override
    public void close() {
        client.close();
    }
}
