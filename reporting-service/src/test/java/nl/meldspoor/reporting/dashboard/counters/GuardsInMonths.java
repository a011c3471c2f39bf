package nl.meldspoor.reporting.dashboard.counters;

import java.util.Map;
import java.util.TreeMap;
import nl.meldspoor.reporting.readmodel.Generations;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the months of a generation hold of the guards that protect an aggregate's change until its contribution is stored. */
public final class GuardsInMonths {

    private GuardsInMonths() {
    }

    /** Every guard the months hold, by {@code monthId/fieldKey}, with its sequence number. */
    public static Map<String, Long> all(MongoTemplate mongo, int generation) {
        Map<String, Long> guards = new TreeMap<>();
        for (Document month : mongo.getCollection(Generations.nameOf(MonthCounters.COLLECTION, generation)).find()) {
            Document adding = month.get(MonthCounters.ADDING, Document.class);
            if (adding != null) {
                adding.forEach((key, guard) -> guards.put(month.getString("_id") + "/" + key, ((Document) guard).getLong("sequence")));
            }
        }
        return guards;
    }

    /**
     * The guards not settled: of a change whose contribution is not stored (as of the guard's sequence number or later),
     * which a crash between the writes leaves. A settled guard names what its month holds already, and only waits to be
     * forgotten by a later poll. (The tests' aggregate ids are their own field keys.)
     */
    public static Map<String, Long> unsettled(MongoTemplate mongo, int generation) {
        Map<String, Long> unsettled = new TreeMap<>(all(mongo, generation));
        unsettled.entrySet().removeIf(guard -> {
            String monthId = guard.getKey().substring(0, guard.getKey().lastIndexOf('/'));
            String aggregateId = guard.getKey().substring(guard.getKey().lastIndexOf('/') + 1);
            Document fold = mongo.getCollection(Generations.nameOf(CounterSource.COLLECTION, generation)).find(new Document("_id", aggregateId)).first();
            Document contributions = fold == null ? null : StoredFold.contributionsOf(fold);
            Document contribution = contributions == null ? null : contributions.get(DashboardCounters.fieldKey(monthId), Document.class);
            return contribution != null && Contribution.sequenceOf(contribution) >= guard.getValue();
        });
        return unsettled;
    }
}
