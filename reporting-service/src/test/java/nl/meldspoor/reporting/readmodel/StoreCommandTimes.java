package nl.meldspoor.reporting.readmodel;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.bson.BsonString;

/** The store's commands as the client saw them, by command and collection: how many, and the time until each answer. */
final class StoreCommandTimes implements CommandListener {

    private final Map<Integer, String> running = new ConcurrentHashMap<>();
    private final Map<String, long[]> totals = new TreeMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String collection = event.getCommand().get(event.getCommandName()) instanceof BsonString name ? name.getValue() : "";
        running.put(event.getRequestId(), event.getCommandName() + " " + collection);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        ended(event.getRequestId(), event.getElapsedTime(TimeUnit.MICROSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        ended(event.getRequestId(), event.getElapsedTime(TimeUnit.MICROSECONDS));
    }

    private void ended(int requestId, long micros) {
        String command = running.remove(requestId);
        synchronized (totals) {
            long[] total = totals.computeIfAbsent(command, key -> new long[2]);
            total[0]++;
            total[1] += micros;
        }
    }

    void reset() {
        synchronized (totals) {
            totals.clear();
        }
    }

    /** The commands, slowest in all first, and their share of the given wall time. */
    void print(double wallMillis) {
        synchronized (totals) {
            long all = totals.values().stream().mapToLong(total -> total[1]).sum();
            totals.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).forEach(entry ->
                    System.out.printf("|   %s | %,d commands | %,.0f ms | %.0f %% |%n", entry.getKey(), entry.getValue()[0],
                            entry.getValue()[1] / 1000.0, entry.getValue()[1] / 10.0 / wallMillis));
            System.out.printf("|   the read model's own work (the rest) | | %,.0f ms | %.0f %% |%n", wallMillis - all / 1000.0,
                    100 - all / 10.0 / wallMillis);
        }
    }
}
