package nl.meldspoor.reporting.readmodel;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the topics a read model reads have been written and how far a consumer group has committed, per partition:
 * what a generation switch compares the rebuilt generation with (the served one's recorded positions trail what its
 * views already show), and what the consumer lag is measured against.
 */
public interface PartitionEnds {

    /** @return per partition of these topics the offset the next record written will get */
    Map<TopicPartition, Long> ends(List<String> topics);

    /** @return per partition the offset the consumer's group reads next, as it committed it (past records dead-lettered too) */
    Map<TopicPartition, Long> committed(String consumerName);
}
