package nl.meldspoor.reporting.readmodel;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.listener.MessageListener;

/** Adapts a {@link ReadModelConsumer} to the container's listener contract, seek callbacks included. */
class SeekAwareListener implements MessageListener<String, byte[]>, ConsumerSeekAware {

    private final ReadModelConsumer consumer;

    SeekAwareListener(ReadModelConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        consumer.consume(record);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        consumer.onPartitionsAssigned(assignments, callback);
    }
}
