package nl.meldspoor.reporting.readmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PartitionEnds} for tests without a broker: the ends and committed offsets a test states. None stated, a
 * switch has nothing to wait for beyond the served generation's recorded positions.
 */
public class StatedPartitionEnds implements PartitionEnds {

    private final Map<String, Long> ends = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> committed = new ConcurrentHashMap<>();

    public StatedPartitionEnds end(String topic, int partition, long nextOffset) {
        ends.put(PartitionEnds.key(topic, partition), nextOffset);
        return this;
    }

    public StatedPartitionEnds committed(String consumerName, String topic, int partition, long nextOffset) {
        committed.computeIfAbsent(consumerName, name -> new ConcurrentHashMap<>()).put(PartitionEnds.key(topic, partition), nextOffset);
        return this;
    }

    @Override
    public Map<String, Long> ends(List<String> topics) {
        Map<String, Long> theirs = new HashMap<>();
        ends.forEach((partition, end) -> {
            if (topics.stream().anyMatch(topic -> partition.startsWith(topic + "-"))) {
                theirs.put(partition, end);
            }
        });
        return theirs;
    }

    @Override
    public Map<String, Long> committed(String consumerName) {
        return Map.copyOf(committed.getOrDefault(consumerName, Map.of()));
    }
}
