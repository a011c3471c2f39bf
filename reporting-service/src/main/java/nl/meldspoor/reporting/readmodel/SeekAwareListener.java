package nl.meldspoor.reporting.readmodel;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConsumerSeekAware;

/** Adapts a {@link ReadModelConsumer} to the container's batch listener contract, seek callbacks included. */
class SeekAwareListener implements BatchMessageListener<String, byte[]>, ConsumerSeekAware {

    private final ReadModelConsumer consumer;

    SeekAwareListener(ReadModelConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        consumer.consume(records);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        consumer.onPartitionsAssigned(assignments, callback);
    }
}
