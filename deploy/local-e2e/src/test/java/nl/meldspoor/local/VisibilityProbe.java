package nl.meldspoor.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Measures command answered → visible in a read model: each answered command is handed over with what
 * the read side must show; a watcher thread reads until it does. The moment recorded is when the read
 * that first saw it was sent, so the figures are accurate to one read (a few milliseconds).
 */
final class VisibilityProbe implements AutoCloseable {

    /** What the read side must show for an answered command. */
    record Expectation(String caseId, int entries, long answeredAtNanos) {
    }

    private final Predicate<Expectation> visible;
    private final BlockingQueue<Expectation> answered = new LinkedBlockingQueue<>();
    private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> reads = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger outstanding = new AtomicInteger();
    private final Thread watcher;
    private volatile boolean closed;

    VisibilityProbe(Predicate<Expectation> visible) {
        this.visible = visible;
        this.watcher = new Thread(this::watch, "visibility-probe");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The command was just answered; the read side must come to show the case with this many entries. */
    void answered(String caseId, int entries) {
        outstanding.incrementAndGet();
        answered.add(new Expectation(caseId, entries, System.nanoTime()));
    }

    int outstanding() {
        return outstanding.get();
    }

    private void watch() {
        List<Expectation> pending = new ArrayList<>();
        while (!closed) {
            try {
                if (pending.isEmpty()) {
                    Expectation next = answered.poll(100, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        continue;
                    }
                    pending.add(next);
                }
                answered.drainTo(pending);
                for (Iterator<Expectation> it = pending.iterator(); it.hasNext(); ) {
                    Expectation expectation = it.next();
                    long readSent = System.nanoTime();
                    boolean seen = seen(expectation);
                    reads.add(System.nanoTime() - readSent);
                    if (seen) {
                        latencies.add(readSent - expectation.answeredAtNanos());
                        it.remove();
                        outstanding.decrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean seen(Expectation expectation) {
        try {
            return visible.test(expectation);
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /**
     * p50, p95 and max in milliseconds (nearest rank), each command's latency in the order they became
     * visible, and the median duration of one read: the probe's resolution.
     */
    String figures() {
        List<Long> inOrder;
        List<Long> readDurations;
        synchronized (latencies) {
            inOrder = new ArrayList<>(latencies);
        }
        synchronized (reads) {
            readDurations = new ArrayList<>(reads);
        }
        if (inOrder.isEmpty()) {
            return "no command became visible";
        }
        List<Long> sorted = new ArrayList<>(inOrder);
        Collections.sort(sorted);
        Collections.sort(readDurations);
        return "commands=%d p50=%d ms p95=%d ms max=%d ms; one read of the dossier p50=%d ms over %d reads; each: %s".formatted(
                sorted.size(), millis(rank(sorted, 0.50)), millis(rank(sorted, 0.95)), millis(sorted.get(sorted.size() - 1)),
                millis(rank(readDurations, 0.50)), readDurations.size(), inOrder.stream().map(VisibilityProbe::millis).toList());
    }

    private static long rank(List<Long> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }
}
