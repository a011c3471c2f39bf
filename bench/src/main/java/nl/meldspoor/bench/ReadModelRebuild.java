package nl.meldspoor.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read model's rebuild as the reporting-service keeps it in MongoDB (read-only here): the generation pointer
 * ({@code read_model_generations}: the served generation and the one being built beside it), the rebuild request
 * ({@code read_model_rebuilds}) and the applied positions ({@code read_model_positions}, per consumer: the read
 * model's name for generation 0, {@code name.gN} after). A generational read model is rebuilt when the pointer
 * switches to the new generation; one rebuilt in place when its positions have reached the topics' ends again.
 */
final class ReadModelRebuild implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

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
        awaitApplied(readModel, generation, ends, timeout, null);
    }

    /**
     * Waits until the consumer has applied every record below the given ends. Every {@link #PROGRESS_EVERY} it logs what
     * still lags: per partition the applied position, the consumer group's committed offset and the end, and the events
     * the read model holds back waiting for a gap; with {@code kafka} given it also tells a read model that stalled (its
     * group has not consumed the records) from records it consumed without recording a position for them.
     */
    void awaitApplied(String readModel, int generation, Map<TopicPartition, Long> ends, Duration timeout, KafkaLag kafka) throws InterruptedException {
        String consumer = consumerName(readModel, generation);
        Instant started = Instant.now();
        Instant deadline = started.plus(timeout);
        Instant nextProgress = started.plus(PROGRESS_EVERY);
        while (true) {
            Map<TopicPartition, Long> applied = applied(consumer);
            Map<TopicPartition, Long> lagging = lagging(ends, applied);
            if (lagging.isEmpty()) {
                return;
            }
            if (Instant.now().isAfter(nextProgress) || Instant.now().isAfter(deadline)) {
                String progress = progress(consumer, ends, applied, lagging, kafka);
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(consumer + " did not apply everything within " + timeout + ": " + progress);
                }
                log.info("Waiting {} s for {} to apply everything: {}", Duration.between(started, Instant.now()).toSeconds(), consumer, progress);
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            Thread.sleep(10);
        }
    }

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    /** The last applied offset per partition, as the read model recorded it. */
    Map<TopicPartition, Long> applied(String consumer) {
        Map<TopicPartition, Long> applied = new HashMap<>();
        for (Document position : reporting.getCollection("read_model_positions").find(Filters.eq("readModel", consumer))) {
            applied.put(new TopicPartition(position.getString("topic"), position.getInteger("partition")),
                    ((Number) position.get("offset")).longValue());
        }
        return applied;
    }

    /** Per partition not yet applied to its end: the records between the applied position and the end. */
    static Map<TopicPartition, Long> lagging(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> applied) {
        Map<TopicPartition, Long> lagging = new java.util.TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
        ends.forEach((partition, end) -> {
            long behind = end - 1 - applied.getOrDefault(partition, -1L);
            if (end > 0 && behind > 0) {
                lagging.put(partition, behind);
            }
        });
        return lagging;
    }

    private String progress(String consumer, Map<TopicPartition, Long> ends, Map<TopicPartition, Long> applied, Map<TopicPartition, Long> lagging,
                            KafkaLag kafka) {
        Map<TopicPartition, Long> committed = Map.of();
        String committedError = null;
        if (kafka != null) {
            try {
                committed = kafka.committed("reporting." + consumer);
            } catch (Exception e) {
                committedError = e.toString();
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> lag : lagging.entrySet()) {
            TopicPartition partition = lag.getKey();
            parts.add("%s: %d behind (applied %d, committed %s, end %d)".formatted(partition, lag.getValue(), applied.getOrDefault(partition, -1L),
                    committed.containsKey(partition) ? committed.get(partition).toString() : "none", ends.get(partition)));
        }
        long total = lagging.values().stream().mapToLong(Long::longValue).sum();
        return "%d records behind on %d partitions [%s]; held back: %s%s".formatted(total, lagging.size(), String.join("; ", parts), held(),
                committedError == null ? "" : "; committed offsets unknown: " + committedError);
    }

    /** Events held back per held collection (waiting for an earlier event of their aggregate). */
    String held() {
        List<String> held = new ArrayList<>();
        for (String collection : reporting.listCollectionNames()) {
            if (collection.contains("_held")) {
                long count = reporting.getCollection(collection).countDocuments();
                if (count > 0) {
                    held.add(collection + " " + count);
                }
            }
        }
        return held.isEmpty() ? "none" : String.join(", ", held);
    }

    /**
     * The dashboard counters' largest school month: how many cases have samples in it and the size of its counts and of
     * its samples. Format 2 adds an event to the counts by one guarded update of a document that does not grow with the
     * cases; the samples, rewritten when a case reaches a step, do. Format 1 kept every case inside the counts document.
     */
    String largestDashboardMonth() {
        String counts = largestIn("dashboard_counters", month -> "%d cases inside".formatted(
                month.containsKey("sources") ? month.getArray("sources").size() : 0));
        String samples = largestIn("dashboard_counter_samples", month -> "samples of %d cases".formatted(
                month.containsKey("samples") ? month.getDocument("samples").size() : 0));
        return "counts " + counts + "; samples " + samples;
    }

    /** The largest document of the collection: its id, what {@code described} says of it and its size. */
    private String largestIn(String collection, java.util.function.Function<org.bson.RawBsonDocument, String> described) {
        org.bson.RawBsonDocument largest = null;
        int largestBytes = -1;
        for (org.bson.RawBsonDocument document : reporting.getCollection(collection, org.bson.RawBsonDocument.class).find()) {
            int bytes = document.getByteBuffer().remaining();
            if (bytes > largestBytes) {
                largestBytes = bytes;
                largest = document;
            }
        }
        return largest == null ? "none"
                : "%s: %s, %d kB".formatted(largest.get("_id").asString().getValue(), described.apply(largest), largestBytes / 1024);
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
