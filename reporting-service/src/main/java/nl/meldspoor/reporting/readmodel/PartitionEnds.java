package nl.meldspoor.reporting.readmodel;

import java.util.List;
import java.util.Map;

/**
 * How far the topics a read model reads have been written and how far a consumer group has committed, per partition
 * ({@code topic-partition}): what a generation switch compares the rebuilt generation with, since the served one's
 * recorded positions trail what its views already show.
 */
public interface PartitionEnds {

    /** @return per partition of these topics the offset the next record written will get */
    Map<String, Long> ends(List<String> topics);

    /** @return per partition the offset the consumer's group reads next, as it committed it (past records dead-lettered too) */
    Map<String, Long> committed(String consumerName);

    static String key(String topic, int partition) {
        return topic + "-" + partition;
    }
}
