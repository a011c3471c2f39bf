package nl.meldspoor.reporting.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 */
@Component
public class GenerationSwitch {

    private static final Logger log = LoggerFactory.getLogger(GenerationSwitch.class);

    private final Generations generations;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;
    private final MongoTemplate mongo;
    private final ReportingProperties properties;
    private final List<BeforeServing> preparations;

    @Autowired
    public GenerationSwitch(Generations generations, ReadModelPositions positions, ReadModelRebuilds rebuilds, MongoTemplate mongo,
                            ReportingProperties properties, ObjectProvider<BeforeServing> preparations) {
        this(generations, positions, rebuilds, mongo, properties, preparations.orderedStream().toList());
    }

    public GenerationSwitch(Generations generations, ReadModelPositions positions, ReadModelRebuilds rebuilds, MongoTemplate mongo,
                            ReportingProperties properties, List<BeforeServing> preparations) {
        this.preparations = List.copyOf(preparations);
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
        String readModel = model.name();
        List<String> topics = model.topics(properties);
        Map<String, Long> served = new LinkedHashMap<>();
        positions.of(ReadModelContainers.consumerName(readModel, active)).stream().filter(position -> topics.contains(position.topic()))
                .forEach(position -> served.put(position.topic() + "-" + position.partition(), position.offset()));
        Map<String, Long> rebuilt = new LinkedHashMap<>();
        positions.of(ReadModelContainers.consumerName(readModel, building))
                .forEach(position -> rebuilt.put(position.topic() + "-" + position.partition(), position.offset()));
        return served.entrySet().stream().allMatch(entry -> rebuilt.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
    }
}
