package nl.meldspoor.reporting.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures how far each read model's consumer group is behind the end of each partition, exported as
 * the gauge {@code meldspoor.reporting.consumer.lag{readModel,topic,partition}} and shown in health.
 */
@Component
public class ConsumerLag {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

    private final ReadModelContainers containers;
    private final ReportingProperties properties;
    private final MeterRegistry meters;
    private final PartitionEnds partitionEnds;
    private final Map<String, Map<TopicPartition, Long>> lag = new ConcurrentHashMap<>();
    private volatile String lastError;

    public ConsumerLag(ReadModelContainers containers, ReportingProperties properties, MeterRegistry meters, PartitionEnds partitionEnds) {
        this.containers = containers;
        this.properties = properties;
        this.meters = meters;
        this.partitionEnds = partitionEnds;
    }

    @Scheduled(fixedDelayString = "${meldspoor.reporting.lag-interval:10s}", initialDelayString = "${meldspoor.reporting.lag-interval:10s}")
    public void measure() {
        try {
            List<String> consumed = containers.readModels().values().stream()
                    .flatMap(readModel -> readModel.topics(properties).stream()).distinct().toList();
            Map<TopicPartition, Long> ends = partitionEnds.ends(consumed);
            for (String readModel : containers.readModels().keySet()) {
                Map<TopicPartition, Long> committed = partitionEnds.committed(containers.servingConsumer(readModel));
                Map<TopicPartition, Long> behind = lag.computeIfAbsent(readModel, key -> new ConcurrentHashMap<>());
                List<String> itsTopics = containers.readModels().get(readModel).topics(properties);
                ends.forEach((partition, end) -> {
                    if (!itsTopics.contains(partition.topic())) {
                        return;
                    }
                    behind.put(partition, Math.max(0, end - committed.getOrDefault(partition, 0L)));
                    registerGauge(readModel, partition);
                });
            }
            lastError = null;
        } catch (RuntimeException e) {
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.debug("Could not measure consumer lag", e);
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
}
