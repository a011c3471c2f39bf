package nl.meldspoor.platform.consuming;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.api.common.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.support.KafkaHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the dead letters this service's consumers parked and replays one to the consumer that parked it,
 * once: the replay is claimed in {@link ReplayedDeadLetters} first, so a second request for the same
 * dead letter applies nothing, and the consumers are idempotent besides. A replay that fails again is
 * released, so it can be asked for again after the next fix. Every replay is logged with who asked.
 */
public class DeadLetterReplays {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplays.class);

    /** A parked record as the administrator sees it; {@code partition}/{@code offset} are its place in the dead-letter topic. */
    public record DeadLetter(String topic, String deadLetterTopic, int partition, long offset, String key, String eventType, String eventId,
                             String consumer, String reason, Instant parkedAt, Integer originalPartition, Long originalOffset,
                             ReplayedDeadLetters.Replay replayed) {
    }

    public sealed interface Outcome {
    }

    public record Replayed(DeadLetter deadLetter, ReplayedDeadLetters.Replay replay) implements Outcome {
    }

    public record NotFound(String detail) implements Outcome {
    }

    public record AlreadyReplayed(DeadLetter deadLetter) implements Outcome {
    }

    public record FailedAgain(DeadLetter deadLetter, String reason) implements Outcome {
    }

    private final Map<String, Object> consumerConfig;
    private final ObjectProvider<ReplayableConsumer> consumers;
    private final ObjectProvider<ReplayableConsumers> consumerGroups;
    private final ReplayedDeadLetters replayed;
    private final Duration readTimeout;
    private final Clock clock;

    public DeadLetterReplays(Map<String, Object> consumerConfig, ObjectProvider<ReplayableConsumer> consumers,
                             ObjectProvider<ReplayableConsumers> consumerGroups, ReplayedDeadLetters replayed, Duration readTimeout, Clock clock) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        config.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-replays");
        this.consumerConfig = config;
        this.consumers = consumers;
        this.consumerGroups = consumerGroups;
        this.replayed = replayed;
        this.readTimeout = readTimeout;
        this.clock = clock;
    }

    /** This service's consumers by name. */
    public Map<String, ReplayableConsumer> consumers() {
        Map<String, ReplayableConsumer> byName = new LinkedHashMap<>();
        consumers.orderedStream().forEach(consumer -> byName.put(consumer.consumerName(), consumer));
        consumerGroups.orderedStream().flatMap(group -> group.replayableConsumers().stream())
                .forEach(consumer -> byName.put(consumer.consumerName(), consumer));
        return byName;
    }

    /** The dead letters of an event topic that this service's consumers parked, oldest first, at most {@code limit}. */
    public List<DeadLetter> list(String topic, long fromOffset, int limit) {
        Map<String, ReplayableConsumer> ours = consumers();
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            List<TopicPartition> partitions = partitionsOf(reader, DeadLetters.topicOf(topic));
            if (partitions.isEmpty()) {
                return found;
            }
            reader.assign(partitions);
            Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
            partitions.forEach(partition -> reader.seek(partition, Math.min(Math.max(0, fromOffset), ends.get(partition))));
            Instant deadline = clock.instant().plus(readTimeout);
            while (found.size() < limit && clock.instant().isBefore(deadline)
                    && partitions.stream().anyMatch(partition -> reader.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    DeadLetter deadLetter = describe(topic, record);
                    if (found.size() < limit && ours.containsKey(deadLetter.consumer())) {
                        found.add(withReplay(deadLetter));
                    }
                }
            }
        }
        return found;
    }

    public Outcome replay(String topic, int partition, long offset, String administrator) {
        Optional<ConsumerRecord<String, byte[]>> parked = read(DeadLetters.topicOf(topic), partition, offset);
        if (parked.isEmpty()) {
            return new NotFound("Er is geen dead letter " + partition + "/" + offset + " van " + topic + ".");
        }
        DeadLetter deadLetter = describe(topic, parked.get());
        ReplayableConsumer consumer = consumers().get(deadLetter.consumer());
        if (consumer == null) {
            return new NotFound("De dead letter " + partition + "/" + offset + " van " + topic + " is van " + deadLetter.consumer()
                    + ", geen consumer van deze dienst.");
        }
        ReplayedDeadLetters.Replay replay = new ReplayedDeadLetters.Replay(deadLetter.consumer(), administrator, clock.instant());
        if (!replayed.claim(deadLetter.deadLetterTopic(), partition, offset, replay)) {
            log.info("Dead letter {}-{}@{} not replayed again for {}: replayed already ({})", deadLetter.deadLetterTopic(), partition, offset,
                    administrator, replayed.of(deadLetter.deadLetterTopic(), partition, offset).orElse(null));
            return new AlreadyReplayed(withReplay(deadLetter));
        }
        try {
            consumer.replay(original(topic, parked.get(), deadLetter));
        } catch (RuntimeException failure) {
            replayed.release(deadLetter.deadLetterTopic(), partition, offset);
            String reason = DeadLetters.reason(failure);
            log.warn("Dead letter {}-{}@{} (event {}) replayed to {} by {} failed again: {}", deadLetter.deadLetterTopic(), partition, offset,
                    deadLetter.eventId(), consumer.consumerName(), administrator, reason);
            return new FailedAgain(deadLetter, reason);
        }
        log.info("Dead letter {}-{}@{} (event {}, {}) replayed to {} by {}", deadLetter.deadLetterTopic(), partition, offset,
                deadLetter.eventId(), deadLetter.eventType(), consumer.consumerName(), administrator);
        return new Replayed(deadLetter, replay);
    }

    private Optional<ConsumerRecord<String, byte[]>> read(String deadLetterTopic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> reader = reader()) {
            TopicPartition place = new TopicPartition(deadLetterTopic, partition);
            if (partitionsOf(reader, deadLetterTopic).stream().noneMatch(place::equals)
                    || offset < 0 || offset >= reader.endOffsets(List.of(place)).get(place)) {
                return Optional.empty();
            }
            reader.assign(List.of(place));
            reader.seek(place, offset);
            Instant deadline = clock.instant().plus(readTimeout);
            while (clock.instant().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private DeadLetter describe(String topic, ConsumerRecord<String, byte[]> record) {
        Long originalPartition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return new DeadLetter(topic, record.topic(), record.partition(), record.offset(), record.key(),
                text(record, EventHeaders.EVENT_TYPE), text(record, EventHeaders.EVENT_ID), text(record, DeadLetters.CONSUMER_HEADER),
                text(record, DeadLetters.REASON_HEADER), Instant.ofEpochMilli(record.timestamp()),
                originalPartition == null ? null : originalPartition.intValue(), number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET), null);
    }

    private DeadLetter withReplay(DeadLetter deadLetter) {
        return new DeadLetter(deadLetter.topic(), deadLetter.deadLetterTopic(), deadLetter.partition(), deadLetter.offset(), deadLetter.key(),
                deadLetter.eventType(), deadLetter.eventId(), deadLetter.consumer(), deadLetter.reason(), deadLetter.parkedAt(),
                deadLetter.originalPartition(), deadLetter.originalOffset(),
                replayed.of(deadLetter.deadLetterTopic(), deadLetter.partition(), deadLetter.offset()).orElse(null));
    }

    /** The record as the consumer first received it: its own topic, partition and offset, without the dead-letter headers. */
    private static ConsumerRecord<String, byte[]> original(String topic, ConsumerRecord<String, byte[]> parked, DeadLetter deadLetter) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : parked.headers()) {
            if (!header.key().startsWith("kafka_dlt") && !header.key().startsWith("meldspoor-dead-letter")) {
                headers.add(header);
            }
        }
        return new ConsumerRecord<>(topic, deadLetter.originalPartition() == null ? 0 : deadLetter.originalPartition(),
                deadLetter.originalOffset() == null ? -1 : deadLetter.originalOffset(), parked.timestamp(), TimestampType.CREATE_TIME,
                -1, -1, parked.key(), parked.value(), headers, Optional.empty());
    }

    private static String text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition (int) and offset (long) as big-endian bytes. */
    private static Long number(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return null;
        }
        byte[] bytes = header.value();
        long value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
        }
        return value;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<String, byte[]> reader, String topic) {
        List<PartitionInfo> infos = reader.partitionsFor(topic, Duration.ofSeconds(5));
        return infos == null ? List.of() : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
