package nl.meldspoor.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads the whole staff topic from offset 0 at start-up and follows it, so every replica of every
 * service knows the same directory without a database of its own. Until the topic has been read to
 * its end, {@link #isLoaded()} is false and no request is authorised.
 */
public class KafkaStaffDirectory implements StaffDirectory, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaStaffDirectory.class);
    private static final String STAFF_LANGUAGE = "nl.meldspoor.api.staff.";
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final Map<String, Object> consumerConfig;
    private final Map<String, Object> adminConfig;
    private final ObjectMapper json;
    private final NewTopic topic;
    private final StaffGrants grants = new StaffGrants();
    private volatile boolean loaded;
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread reader;

    /**
     * @param topic how to create the staff topic (kept forever) when no service created it yet
     */
    public KafkaStaffDirectory(Map<String, Object> consumerConfig, Map<String, Object> adminConfig, ObjectMapper json, NewTopic topic) {
        this.topic = topic;
        this.consumerConfig = consumerConfig;
        this.adminConfig = adminConfig;
        this.json = json;
    }

    @Override
    public List<StaffGrant> grantsOf(String personId) {
        return grants.of(personId);
    }

    @Override
    public Set<String> holders(Role role, String scope) {
        return grants.holders(role, scope);
    }

    @Override
    public boolean isLoaded() {
        return loaded;
    }

    @Override
    public void apply(StaffEvent event) {
        grants.apply(event);
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(consumerConfig);
        running = true;
        reader = new Thread(this::read, "staff-directory");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (reader != null) {
            try {
                reader.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void read() {
        try {
            Set<TopicPartition> partitions = assignWhenAvailable();
            Map<TopicPartition, Long> end = endOffsets(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        applyRecord(record);
                    }
                    if (!loaded && end.entrySet().stream().allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue())) {
                        loaded = true;
                        log.info("Staff directory loaded: {} people with roles", grants.people());
                    }
                } catch (WakeupException stopping) {
                    throw stopping;
                } catch (RuntimeException kafkaTrouble) {
                    // Keep following the topic whatever happens: a revocation must still arrive once Kafka is back.
                    log.warn("Staff directory could not read {}: {}", Topics.STAFF, kafkaTrouble.getMessage());
                    sleep();
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) {
        while (running && !partitions.isEmpty()) {
            try {
                return consumer.endOffsets(partitions, Duration.ofSeconds(10));
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException kafkaUnavailable) {
                log.warn("Staff directory cannot see the end of {} yet: {}", Topics.STAFF, kafkaUnavailable.getMessage());
                sleep();
            }
        }
        return Map.of();
    }

    private Set<TopicPartition> assignWhenAvailable() {
        while (running) {
            try {
                List<PartitionInfo> infos = consumer.partitionsFor(Topics.STAFF, Duration.ofSeconds(10));
                if (infos != null && !infos.isEmpty()) {
                    Set<TopicPartition> partitions = infos.stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .collect(Collectors.toSet());
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    return partitions;
                }
                createTopic();
            } catch (WakeupException stopping) {
                throw stopping;
            } catch (RuntimeException kafkaUnavailable) {
                log.warn("Staff directory cannot read {} yet: {}", Topics.STAFF, kafkaUnavailable.getMessage());
                sleep();
            }
        }
        return Set.of();
    }

    private void createTopic() {
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            admin.createTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Cannot create {}: {}", Topics.STAFF, e.getCause().getMessage());
                sleep();
            }
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Kafka did not answer while creating {}", Topics.STAFF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void applyRecord(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        String typeName = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
        try {
            if (!typeName.startsWith(STAFF_LANGUAGE)) {
                throw new IllegalArgumentException("not a staff event: '" + typeName + "'");
            }
            Class<?> eventClass = Class.forName(typeName);
            if (!StaffEvent.class.isAssignableFrom(eventClass)) {
                throw new IllegalArgumentException("not a staff event: " + typeName);
            }
            grants.apply((StaffEvent) json.readValue(record.value(), eventClass));
        } catch (Exception unreadable) {
            // A directory change nobody can read must be seen: it may be a revocation.
            log.error("Unreadable staff directory record at {}-{} offset {} ({}): {}", record.topic(), record.partition(),
                    record.offset(), typeName, unreadable.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
