package nl.meldspoor.reporting.readmodel;

import java.util.List;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures how far each read model's consumer group is behind the end of each partition, exported as
 * the gauge {@code meldspoor.reporting.consumer.lag{readModel,topic,partition}} and shown in health.
 */
@Component
public class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ReadModelContainers containers;
    private final ReportingProperties properties;
    private final MeterRegistry meters;
    private final AdminClient admin;
    private final Map<String, Map<TopicPartition, Long>> lag = new ConcurrentHashMap<>();
    private volatile String lastError;

    public ConsumerLag(ReadModelContainers containers, ReportingProperties properties, MeterRegistry meters, KafkaAdmin kafkaAdmin) {
        this.containers = containers;
        this.properties = properties;
        this.meters = meters;
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Scheduled(fixedDelayString = "${meldspoor.reporting.lag-interval:10s}", initialDelayString = "${meldspoor.reporting.lag-interval:10s}")
    public void measure() {
        try {
            Set<String> consumed = containers.readModels().values().stream()
                    .flatMap(readModel -> readModel.topics(properties).stream()).collect(Collectors.toSet());
            Map<String, TopicDescription> topics = admin.describeTopics(consumed).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<TopicPartition> partitions = topics.values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            for (String readModel : containers.readModels().keySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ReportingProperties.groupId(containers.servingConsumer(readModel)))
                        .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<TopicPartition, Long> behind = lag.computeIfAbsent(readModel, key -> new ConcurrentHashMap<>());
                List<String> itsTopics = containers.readModels().get(readModel).topics(properties);
                ends.forEach((partition, end) -> {
                    if (!itsTopics.contains(partition.topic())) {
                        return;
                    }
                    OffsetAndMetadata position = committed.get(partition);
                    behind.put(partition, Math.max(0, end - (position == null ? 0 : position.offset())));
                    registerGauge(readModel, partition);
                });
            }
            lastError = null;
        } catch (Exception e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.debug("Could not measure consumer lag", e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void registerGauge(String readModel, TopicPartition partition) {
        Gauge.builder("meldspoor.reporting.consumer.lag", () -> lag.getOrDefault(readModel, Map.of()).getOrDefault(partition, 0L))
                .description("Records not yet applied by a read model, per partition")
                .tag("readModel", readModel)
                .tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition()))
                .register(meters);
    }

    public Map<TopicPartition, Long> of(String readModel) {
        return lag.getOrDefault(readModel, Map.of());
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
