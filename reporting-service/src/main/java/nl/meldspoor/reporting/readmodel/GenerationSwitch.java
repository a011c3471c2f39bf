package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides when a generation rebuilt beside the served one takes over: once it has applied, on every partition, at
 * least as far as the served one. Then what must be ready before it is served is done ({@link BeforeServing}), one
 * pointer update switches every replica's queries at once, and the old generation's collections and positions go.
 *
 * <p>The served generation records its positions after it has written a poll's views, so a reader may already see
 * events its positions do not name. Before the pointer moves, the rebuilt generation therefore also has to hold every
 * record the topics held just before ({@link PartitionEnds}): a view read before the switch is never newer than the
 * same view read after it. What the served one applies while the switch waits for that (a poll, under load) is the
 * only window left.
 */
@Component
public class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(20);

    private final Generations generations;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;
    private final MongoTemplate mongo;
    private final ReportingProperties properties;
    private final List<BeforeServing> preparations;
    private final PartitionEnds partitionEnds;

    @Autowired
    public GenerationSwitch(Generations generations, ReadModelPositions positions, ReadModelRebuilds rebuilds, MongoTemplate mongo,
                            ReportingProperties properties, ObjectProvider<BeforeServing> preparations, PartitionEnds partitionEnds) {
        this(generations, positions, rebuilds, mongo, properties, preparations.orderedStream().toList(), partitionEnds);
    }

    public GenerationSwitch(Generations generations, ReadModelPositions positions, ReadModelRebuilds rebuilds, MongoTemplate mongo,
                            ReportingProperties properties, List<BeforeServing> preparations, PartitionEnds partitionEnds) {
        this.preparations = List.copyOf(preparations);
        this.partitionEnds = partitionEnds;
        this.generations = generations;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.mongo = mongo;
        this.properties = properties;
    }

    /** @return whether this call switched the read model to its rebuilt generation */
    public boolean switchIfCaughtUp(ReadModel model) {
        Generations.Pointer pointer = generations.pointer(model.name());
        if (pointer.building() == null || !caughtUp(model, pointer.active(), pointer.building())) {
            return false;
        }
        prepare(model.name(), pointer.building());
        if (!holdsWhatTheTopicsHeld(model, pointer.building())) {
            return false;
        }
        int builtIn = pointer.buildingFormat() != null ? pointer.buildingFormat() : model.viewFormat();
        if (!generations.switchTo(model.name(), pointer.building(), builtIn)) {
            return false;
        }
        log.info("Read model {} switched to generation {}: it has applied every partition as far as generation {}",
                model.name(), pointer.building(), pointer.active());
        rebuilds.switched(model.name(), pointer.building());
        retire(model, pointer.active());
        return true;
    }

    private void prepare(String readModel, int generation) {
        for (BeforeServing preparation : preparations) {
            try {
                preparation.prepare(readModel, generation);
            } catch (RuntimeException failure) {
                log.warn("Read model {}: generation {} switches unprepared ({})", readModel, generation, failure.toString());
            }
        }
    }

    /**
     * Whether the rebuilt generation applied, within {@code switchCatchUp}, every record written before this call: per
     * partition its recorded position, or its group's committed offset where the partition ends in a record that went to
     * the dead-letter topic (which no position names).
     */
    private boolean holdsWhatTheTopicsHeld(ReadModel model, int building) {
        String consumer = ReadModelContainers.consumerName(model.name(), building);
        long deadline = System.nanoTime() + properties.switchCatchUp().toNanos();
        try {
            Map<TopicPartition, Long> ends = partitionEnds.ends(model.topics(properties));
            while (true) {
                Map<TopicPartition, Long> applied = nextOffsets(consumer);
                List<TopicPartition> behind = ends.entrySet().stream().filter(end -> applied.getOrDefault(end.getKey(), 0L) < end.getValue())
                        .map(Map.Entry::getKey).toList();
                if (!behind.isEmpty()) {
                    Map<TopicPartition, Long> committed = partitionEnds.committed(consumer);
                    behind = behind.stream().filter(partition -> committed.getOrDefault(partition, 0L) < ends.get(partition)).toList();
                }
                if (behind.isEmpty()) {
                    return true;
                }
                if (System.nanoTime() - deadline > 0) {
                    log.info("Read model {}: generation {} has not yet applied what the topics held on {}; the switch waits", model.name(),
                            building, behind);
                    return false;
                }
                Thread.sleep(CATCH_UP_POLL.toMillis());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException unknown) {
            log.warn("Read model {}: generation {} does not switch yet, the topics' ends are not known ({})", model.name(), building,
                    unknown.toString());
            return false;
        }
    }

    /** Drops a generation no longer served or built (its consumer, if this replica ran it, is stopped first). */
    void retire(ReadModel model, int generation) {
        model.collections(generation).forEach(mongo::dropCollection);
        model.heldEventsMayHaveChanged();
        model.retired(generation);
        positions.forget(ReadModelContainers.consumerName(model.name(), generation));
    }

    /**
     * Only the topics the read model reads now count: a served generation may hold positions on a topic it read before
     * its topics were narrowed (or that a replica of the older code still writes during a rolling update), which the
     * new generation never reads.
     */
    private boolean caughtUp(ReadModel model, int active, int building) {
        List<String> topics = model.topics(properties);
        Map<TopicPartition, Long> rebuilt = nextOffsets(ReadModelContainers.consumerName(model.name(), building));
        return nextOffsets(ReadModelContainers.consumerName(model.name(), active)).entrySet().stream()
                .filter(served -> topics.contains(served.getKey().topic()))
                .allMatch(served -> rebuilt.getOrDefault(served.getKey(), 0L) >= served.getValue());
    }

    /** Per partition the offset after the last record the consumer recorded as applied. */
    private Map<TopicPartition, Long> nextOffsets(String consumer) {
        Map<TopicPartition, Long> next = new HashMap<>();
        positions.of(consumer).forEach(position -> next.put(new TopicPartition(position.topic(), position.partition()), position.offset() + 1));
        return next;
    }
}
