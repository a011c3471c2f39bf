package nl.meldspoor.platform.consuming;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer whose dead letters an administrator can replay: it applies one record again, exactly as
 * it would have from its topic. It must be idempotent (by event id or aggregate sequence), as it is for
 * redelivery anyway.
 */
public interface ReplayableConsumer {

    /** The name it parks records under ({@link DeadLetters#CONSUMER_HEADER}). */
    String consumerName();

    void replay(ConsumerRecord<String, byte[]> record);
}
