package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** {@link PartitionEnds} as the broker tells them. */
@Component
class KafkaPartitionEnds implements PartitionEnds, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final AdminClient admin;

    KafkaPartitionEnds(KafkaAdmin kafkaAdmin) {
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    public Map<TopicPartition, Long> ends(List<String> topics) {
        Map<String, TopicDescription> described = answer(admin.describeTopics(topics).allTopicNames());
        Map<TopicPartition, OffsetSpec> latest = described.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(partition -> new TopicPartition(topic.name(), partition.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        return answer(admin.listOffsets(latest).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public Map<TopicPartition, Long> committed(String consumerName) {
        return answer(admin.listConsumerGroupOffsets(ReportingProperties.groupId(consumerName)).partitionsToOffsetAndMetadata())
                .entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker", interrupted);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the broker did not tell the partitions' offsets: " + failure, failure);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
