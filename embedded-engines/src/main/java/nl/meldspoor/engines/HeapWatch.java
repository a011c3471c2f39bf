package nl.meldspoor.engines;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How much heap this JVM held: the most in use at once (sampled), and the most still in use after a collection (what
 * was live). The heap pools' own peaks, added up, overstate it — each pool peaks at another moment — and can exceed
 * the maximum heap. For the probes and the bench, which run in the JVM that holds what they measure.
 */
public final class HeapWatch implements AutoCloseable {

    /** How often the heap in use is sampled by the bench and the probes. */
    public static final long SAMPLE_MILLIS = 200;

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterCollection = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-watch");
        thread.setDaemon(true);
        return thread;
    });
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    /** A collection reports every pool it touched, the code cache and metaspace too: only the heap's are counted. */
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener afterCollection = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
            peakAfterCollection.accumulateAndGet(used, Math::max);
        }
    };

    /** Sampled every {@link #SAMPLE_MILLIS}. */
    public HeapWatch() {
        this(SAMPLE_MILLIS);
    }

    HeapWatch(long sampleMillis) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
                collectors.add(emitter);
            }
        }
        sampler.scheduleAtFixedRate(this::sample, 0, sampleMillis, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    /** The most heap in use at once, as sampled. */
    public long peakUsedMegabytes() {
        sample();
        return peakUsed.get() >> 20;
    }

    /** The most heap still in use after a collection: the largest live set seen; 0 before the first collection. */
    public long peakAfterCollectionMegabytes() {
        return peakAfterCollection.get() >> 20;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        for (NotificationEmitter emitter : collectors) {
            try {
                emitter.removeNotificationListener(afterCollection);
            } catch (ListenerNotFoundException gone) {
                // already removed
            }
        }
    }
}
