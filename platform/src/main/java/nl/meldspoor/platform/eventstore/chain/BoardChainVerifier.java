package nl.meldspoor.platform.eventstore.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.meldspoor.platform.eventstore.chain.BoardChainVerification.BrokenChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verifies every aggregate's chain on a schedule and on an administrator's request, keeps each outcome in
 * {@code event_chain_verification}, and makes a broken chain loud: an ERROR log line, the gauge
 * {@value #BROKEN_METRIC} and the health of the service (DOWN).
 */
public class BoardChainVerifier implements SmartLifecycle {

    public static final String BROKEN_METRIC = "meldspoor.audit.chain.broken";

    private static final Logger log = LoggerFactory.getLogger(BoardChainVerifier.class);

    private final EventChains chains;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final EventChainProperties properties;
    private final Clock clock;
    private final AtomicLong brokenAggregates = new AtomicLong();
    private ScheduledExecutorService scheduler;

    public BoardChainVerifier(EventChains chains, JdbcTemplate jdbc, ObjectMapper json, EventChainProperties properties,
                              Clock clock, MeterRegistry meters) {
        this.chains = chains;
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder(BROKEN_METRIC, brokenAggregates, AtomicLong::get)
                .description("Aggregates whose event hash chain did not hold at the last verification")
                .register(meters);
    }

    public synchronized BoardChainVerification verify(String trigger) {
        Instant startedAt = clock.instant();
        long[] valid = {0};
        List<BrokenChain> broken = new ArrayList<>();
        chains.verifyAll(chain -> {
            if (chain.valid()) {
                valid[0]++;
            } else {
                broken.add(new BrokenChain(chain.aggregateId(), chain.firstBrokenSequence()));
            }
        });
        BoardChainVerification outcome = new BoardChainVerification(UUID.randomUUID(), startedAt, clock.instant(), trigger,
                valid[0], broken.size(), broken);
        store(outcome);
        brokenAggregates.set(outcome.brokenAggregates());
        if (outcome.brokenAggregates() > 0) {
            log.error("Event hash chain broken for {} of {} aggregates (verification {}): {}", outcome.brokenAggregates(),
                    outcome.validAggregates() + outcome.brokenAggregates(), outcome.verificationId(), broken);
        } else {
            log.info("Event hash chains of {} aggregates hold (verification {})", outcome.validAggregates(), outcome.verificationId());
        }
        return outcome;
    }

    /** The last verification, from any instance of this service. */
    public Optional<BoardChainVerification> latest() {
        return jdbc.query("SELECT verification_id, started_at, finished_at, trigger_source, valid_aggregates, broken_aggregates, broken"
                        + " FROM event_chain_verification ORDER BY finished_at DESC LIMIT 1",
                (row, number) -> new BoardChainVerification(row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(), row.getString(4), row.getLong(5), row.getLong(6), brokenFrom(row.getString(7))))
                .stream().findFirst();
    }

    /** Aggregates broken at the last verification this instance knows of; health and the gauge show it. */
    public long brokenAtLastVerification() {
        return brokenAggregates.get();
    }

    private void store(BoardChainVerification outcome) {
        try {
            jdbc.update("INSERT INTO event_chain_verification (verification_id, started_at, finished_at, trigger_source,"
                            + " valid_aggregates, broken_aggregates, broken) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    outcome.verificationId(), Timestamp.from(outcome.startedAt()), Timestamp.from(outcome.finishedAt()),
                    outcome.trigger(), outcome.validAggregates(), outcome.brokenAggregates(), json.writeValueAsString(outcome.broken()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the broken chains", e);
        }
    }

    private List<BrokenChain> brokenFrom(String stored) {
        try {
            return json.readValue(stored, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored chain verification is not readable", e);
        }
    }

    @Override
    public void start() {
        // The state survives a restart: a broken chain found yesterday keeps the service DOWN until verified again.
        try {
            latest().ifPresent(last -> brokenAggregates.set(last.brokenAggregates()));
        } catch (RuntimeException e) {
            log.warn("Could not read the last chain verification: {}", e.toString());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-chain-verification");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.verificationInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::verifySafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void verifySafely() {
        try {
            verify("SCHEDULE");
        } catch (RuntimeException e) {
            log.error("The event chain verification failed; it runs again in {}: {}", properties.verificationInterval(), e.toString());
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
