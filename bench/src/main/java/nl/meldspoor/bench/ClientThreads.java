package nl.meldspoor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bench's clients in this JVM, which also hosts the engines: the threads that send the requests and those of the
 * HTTP client that carry them. Their CPU is no part of the system measured, so the CPU per command leaves it out and
 * names it on its own. A client task's own CPU is added up when it ends ({@link #counted}); the HTTP client's threads
 * (its executor's, named {@value #HTTP}…, and its selector) are read while they live, and they live as long as the
 * client.
 */
final class ClientThreads {

    private static final String HTTP = "bench-http-";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final AtomicLong TASKS_NANOS = new AtomicLong();

    private ClientThreads() {
    }

    /** Runs a client's work on this thread and adds the CPU it took to the clients' account. */
    static void counted(Runnable work) {
        long before = THREADS.getCurrentThreadCpuTime();
        try {
            work.run();
        } finally {
            TASKS_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
        }
    }

    /** The HTTP client's executor: its threads stay for an hour idle, so none ends (and takes its CPU along) in a run. */
    static ExecutorService forHttpClient() {
        AtomicInteger next = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 1, TimeUnit.HOURS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, HTTP + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The CPU the clients have taken so far: their finished work, and the HTTP clients' threads (executors, selectors). */
    static Duration cpu() {
        long nanos = TASKS_NANOS.get();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && carriesRequests(thread.getThreadName())) {
                nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return Duration.ofNanos(nanos);
    }

    static boolean carriesRequests(String threadName) {
        return threadName.startsWith(HTTP) || threadName.matches("HttpClient-\\d+-SelectorManager");
    }
}
