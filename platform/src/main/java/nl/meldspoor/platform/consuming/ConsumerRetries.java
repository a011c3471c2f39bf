package nl.meldspoor.platform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which consumers are stuck on a record they keep retrying, since when and why: the gauge
 * {@code meldspoor.consumer.retrying{consumer}} (1 while stuck), the counter
 * {@code meldspoor.consumer.retries{consumer}}, the consumers' health, and one log line when a consumer
 * gets stuck, when it turns unhealthy and when it recovers — never a silent endless retry.
 */
public class ConsumerRetries {

    private static final Logger log = LoggerFactory.getLogger(ConsumerRetries.class);

    /** A consumer that cannot get past one record. */
    public record Retrying(String consumer, String topic, int partition, long offset, String reason, Instant since, int attempts) {
    }

    private final Set<String> consumers = new ConcurrentSkipListSet<>();
    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final int unhealthyAfterAttempts;
    private final Clock clock;

    public ConsumerRetries(MeterRegistry meters, int unhealthyAfterAttempts, Clock clock) {
        this.meters = meters;
        this.unhealthyAfterAttempts = unhealthyAfterAttempts;
        this.clock = clock;
    }

    void register(String consumer) {
        if (consumers.add(consumer)) {
            Gauge.builder("meldspoor.consumer.retrying", () -> retrying.containsKey(consumer) ? 1 : 0)
                    .description("1 while a consumer keeps retrying a record it cannot apply yet (its lag grows meanwhile)")
                    .tag("consumer", consumer)
                    .register(meters);
        }
    }

    void failed(String consumer, ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        Counter.builder("meldspoor.consumer.retries")
                .description("Failed deliveries of records that are retried, not dead-lettered")
                .tag("consumer", consumer)
                .register(meters)
                .increment();
        String reason = DeadLetters.reason(failure);
        Retrying previous = retrying.get(consumer);
        boolean sameRecord = previous != null && previous.topic().equals(record.topic()) && previous.partition() == record.partition()
                && previous.offset() == record.offset();
        Retrying now = new Retrying(consumer, record.topic(), record.partition(), record.offset(), reason,
                sameRecord ? previous.since() : clock.instant(), sameRecord ? previous.attempts() + 1 : 1);
        retrying.put(consumer, now);
        if (now.attempts() == 1) {
            log.warn("Consumer {} cannot apply {}-{}@{} yet and retries it with back-off, holding the partition: {}",
                    consumer, record.topic(), record.partition(), record.offset(), reason);
        } else if (now.attempts() == unhealthyAfterAttempts) {
            log.error("Consumer {} is stuck on {}-{}@{} since {} after {} attempts; health is DOWN until it gets through: {}",
                    consumer, record.topic(), record.partition(), record.offset(), now.since(), now.attempts(), reason);
        }
    }

    void succeeded(String consumer, ConsumerRecord<?, ?> record) {
        Retrying previous = retrying.get(consumer);
        if (previous != null && previous.topic().equals(record.topic()) && previous.partition() == record.partition()
                && previous.offset() == record.offset() && retrying.remove(consumer, previous)) {
            log.info("Consumer {} applied {}-{}@{} after {} failed attempts since {}", consumer, record.topic(), record.partition(),
                    record.offset(), previous.attempts(), previous.since());
        }
    }

    /** A record that went to the dead-letter topic no longer holds its consumer. */
    void parked(String consumer) {
        retrying.remove(consumer);
    }

    public Set<String> consumers() {
        return new TreeSet<>(consumers);
    }

    public Optional<Retrying> of(String consumer) {
        return Optional.ofNullable(retrying.get(consumer));
    }

    public boolean unhealthy(Retrying retrying) {
        return retrying.attempts() >= unhealthyAfterAttempts;
    }
}
