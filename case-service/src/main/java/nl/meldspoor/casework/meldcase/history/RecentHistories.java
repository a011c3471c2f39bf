package nl.meldspoor.casework.meldcase.history;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;

/**
 * The histories of the cases read last, as read, up to a number of events in all: the least recently read case goes
 * first, and a history longer than the whole bound is not kept.
 */
final class RecentHistories {

    private final int maxEvents;
    private final LinkedHashMap<String, List<RecordedCaseEvent>> histories = new LinkedHashMap<>(16, 0.75f, true);
    private int events;

    RecentHistories(int maxEvents) {
        this.maxEvents = maxEvents;
    }

    synchronized List<RecordedCaseEvent> get(String caseId) {
        return histories.get(caseId);
    }

    synchronized void put(String caseId, List<RecordedCaseEvent> history) {
        forget(caseId);
        histories.put(caseId, history);
        events += history.size();
        Iterator<Map.Entry<String, List<RecordedCaseEvent>>> eldestFirst = histories.entrySet().iterator();
        while (events > maxEvents && eldestFirst.hasNext()) {
            events -= eldestFirst.next().getValue().size();
            eldestFirst.remove();
        }
    }

    synchronized void forget(String caseId) {
        List<RecordedCaseEvent> forgotten = histories.remove(caseId);
        if (forgotten != null) {
            events -= forgotten.size();
        }
    }
}
