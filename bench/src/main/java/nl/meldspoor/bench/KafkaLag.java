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

    /**
     * After a rebuild was requested: waits until the group has gone back (committed offsets behind the end) and caught
     * up again. A rebuild of a small read model can finish between two looks: then, after a few seconds without lag,
     * it counts as done. Returns whether the restart was seen.
     */
    boolean awaitRebuilt(String group, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Instant quietSince = null;
        boolean restarted = false;
        try (Admin admin = admin()) {
            while (Instant.now().isBefore(deadline)) {
                long lag = lag(admin, group);
                if (lag > 0) {
                    restarted = true;
                    quietSince = null;
                } else if (restarted) {
                    return true;
                } else if (quietSince == null) {
                    quietSince = Instant.now();
                } else if (Duration.between(quietSince, Instant.now()).toSeconds() >= 5) {
                    return false;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(group + " did not finish its rebuild within " + timeout);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
