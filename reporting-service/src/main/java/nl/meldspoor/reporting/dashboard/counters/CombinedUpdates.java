package nl.meldspoor.reporting.dashboard.counters;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Several updates of one document as one: their filters' conditions together, their {@code $inc} amounts summed per
 * field, their other operators' fields together. The parts touch different fields but for {@code $inc} and
 * {@code $setOnInsert} (the same values for every part), so the one update does what the parts do one after the other.
 */
final class CombinedUpdates {

    private CombinedUpdates() {
    }

    /** The one update that does what the parts do: the part itself where there is only one. */
    static UpdateOneModel<Document> asOne(List<UpdateOneModel<Document>> parts, UpdateOptions options) {
        return parts.size() == 1 ? parts.get(0) : combined(parts, options);
    }

    static UpdateOneModel<Document> combined(List<UpdateOneModel<Document>> parts, UpdateOptions options) {
        Document filter = new Document();
        Document update = new Document();
        for (UpdateOneModel<Document> part : parts) {
            Document partFilter = (Document) part.getFilter();
            partFilter.forEach((field, condition) -> merge(filter, field, condition, "filter"));
            for (Map.Entry<String, Object> operator : ((Document) part.getUpdate()).entrySet()) {
                Document fields = (Document) update.computeIfAbsent(operator.getKey(), name -> new Document());
                ((Document) operator.getValue()).forEach((field, value) -> {
                    if (operator.getKey().equals("$inc")) {
                        fields.merge(field, value, (one, other) -> ((Number) one).intValue() + ((Number) other).intValue());
                    } else {
                        merge(fields, field, value, operator.getKey());
                    }
                });
            }
        }
        return new UpdateOneModel<>(filter, update, options);
    }

    /** A field two parts both name must hold the same value in each (the document's id, what an insert sets). */
    private static void merge(Document into, String field, Object value, String where) {
        Object before = into.putIfAbsent(field, value);
        if (before != null && !before.equals(value)) {
            throw new IllegalArgumentException("Two updates of one document set " + field + " in " + where + " differently: " + before + " and " + value);
        }
    }
}
