package nl.meldspoor.reporting.readmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * {@link PartitionEnds} for tests without a broker: the ends and committed offsets a test states. None stated, a
 * switch has nothing to wait for beyond the served generation's recorded positions.
 */
public class StatedPartitionEnds implements PartitionEnds {

    private final Map<TopicPartition, Long> ends = new ConcurrentHashMap<>();
    private final Map<String, Map<TopicPartition, Long>> committed = new ConcurrentHashMap<>();

    public StatedPartitionEnds end(String topic, int partition, long nextOffset) {
        ends.put(new TopicPartition(topic, partition), nextOffset);
        return this;
    }

    public StatedPartitionEnds committed(String consumerName, String topic, int partition, long nextOffset) {
        committed.computeIfAbsent(consumerName, name -> new ConcurrentHashMap<>()).put(new TopicPartition(topic, partition), nextOffset);
        return this;
    }

    @Override
    public Map<TopicPartition, Long> ends(List<String> topics) {
        Map<TopicPartition, Long> theirs = new HashMap<>(ends);
        theirs.keySet().removeIf(partition -> !topics.contains(partition.topic()));
        return theirs;
    }

    @Override
    public Map<TopicPartition, Long> committed(String consumerName) {
        return Map.copyOf(committed.getOrDefault(consumerName, Map.of()));
    }
}
