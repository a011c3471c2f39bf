package nl.meldspoor.platform.commands;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes expired Idempotency-Keys now and then, in batches, so the table holds about one retention period
 * of keys. A key not yet deleted is already ignored by {@link IdempotencyStore}; the cleanup only keeps the
 * table small.
 */
public class IdempotencyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;
    private final IdempotencyProperties properties;
    private ScheduledExecutorService scheduler;

    IdempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** @return how many expired keys were deleted */
    public int deleteExpired() {
        int total = 0;
        int deleted;
        do {
            deleted = store.deleteExpired(properties.idempotencyCleanupBatchSize());
            total += deleted;
        } while (deleted == properties.idempotencyCleanupBatchSize());
        if (total > 0) {
            log.info("Deleted {} Idempotency-Key(s) older than {}", total, properties.idempotencyRetention());
        }
        return total;
    }

    private void deleteSafely() {
        try {
            deleteExpired();
        } catch (RuntimeException e) {
            log.warn("Could not delete expired Idempotency-Keys (tried again in {}): {}", properties.idempotencyCleanupInterval(), e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.idempotencyCleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deleteSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
