package nl.meldspoor.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** A read model's progress, from its consumer group's committed offsets against the topics' ends (Kafka's own admin API). */
final class KafkaLag {

    private final String bootstrap;

    KafkaLag(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The consumer group's committed offsets (the next record it will read), per partition of the event topics. */
    Map<TopicPartition, Long> committed(String group) throws Exception {
        try (Admin admin = admin()) {
            return committed(admin, group);
        }
    }

    private Map<TopicPartition, Long> committed(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getValue() != null && !e.getKey().topic().endsWith(".DLT") && !e.getKey().topic().contains("dead"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<TopicPartition, Long> ends(Admin admin, Iterable<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** Records on the partitions the group reads. */
    long endOffsets(String group) throws Exception {
        try (Admin admin = admin()) {
            return ends(admin, committed(admin, group).keySet()).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, Long> committed = committed(admin, group);
        if (committed.isEmpty()) {
            return Long.MAX_VALUE;
        }
        Map<TopicPartition, Long> ends = ends(admin, committed.keySet());
        return ends.entrySet().stream().mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Records the group has not read yet on the partitions it reads (Long.MAX_VALUE before it committed anything). */
    long lag(String group) throws Exception {
        try (Admin admin = admin()) {
            return lag(admin, group);
        }
    }

    void awaitNoLag(String group, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = admin()) {
            while (lag(admin, group) != 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(group + " did not catch up within " + timeout);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The end offset of every partition of the topics: what a read model consuming them has to apply. */
    Map<TopicPartition, Long> topicEnds(java.util.Collection<String> topics) throws Exception {
        try (Admin admin = admin()) {
            java.util.List<TopicPartition> partitions = new java.util.ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                    description.partitions().forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
            return ends(admin, partitions);
        }
    }

    /** Records on the partitions (end minus beginning offset: a rebuild from offset 0 applies each once). */
    long records(Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            ends.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
            Map<TopicPartition, Long> beginnings = admin.listOffsets(earliest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            return ends.entrySet().stream().mapToLong(e -> e.getValue() - beginnings.getOrDefault(e.getKey(), 0L)).sum();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
