package nl.meldspoor.platform.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * An idempotent consumer commits its offsets at intervals ({@link OrderedConsumers#commitEvery}), not after every poll,
 * and still commits what it handled when it stops; with a zero interval after every poll. On a real (embedded) broker.
 */
class CommitIntervalTest {

    private static final String TOPIC = "test.commit-interval";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaBroker broker;
    static AdminClient admin;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.builder(dataDir).build();
        broker.start();
        admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < 3; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "case-" + i, new byte[] {(byte) i})).get(30, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    @Test
    void offsetsHandledWithinTheIntervalAreCommittedWhenTheConsumerStops() throws Exception {
        List<Long> handled = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, byte[]> container = container("interval", Duration.ofHours(1), handled);
        container.start();
        Eventually.within(Duration.ofSeconds(60)).until(() -> handled.size() == 3);
        Thread.sleep(1_000); // a commit after the poll would have been made by now
        assertThat(committed("interval")).as("nothing committed within the hour").isNull();

        container.stop();
        assertThat(committed("interval")).as("what was handled, committed at the stop").isNotNull()
                .extracting(OffsetAndMetadata::offset).isEqualTo(3L);
    }

    @Test
    void aZeroIntervalCommitsAfterEveryPoll() {
        List<Long> handled = new CopyOnWriteArrayList<>();
        KafkaMessageListenerContainer<String, byte[]> container = container("every-poll", Duration.ZERO, handled);
        container.start();
        try {
            Eventually.within(Duration.ofSeconds(60)).until(() -> committed("every-poll") != null && committed("every-poll").offset() == 3L);
        } finally {
            container.stop();
        }
    }

    private static KafkaMessageListenerContainer<String, byte[]> container(String group, Duration interval, List<Long> handled) {
        ContainerProperties properties = new ContainerProperties(TOPIC);
        properties.setGroupId(group);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> handled.add(record.offset()));
        OrderedConsumers.commitEvery(properties, interval);
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        return new KafkaMessageListenerContainer<>(consumers, properties);
    }

    private static OffsetAndMetadata committed(String group) {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS).get(PARTITION);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
