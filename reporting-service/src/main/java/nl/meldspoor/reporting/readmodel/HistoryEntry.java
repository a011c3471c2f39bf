package nl.meldspoor.reporting.readmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.meldspoor.platform.consuming.StoredEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One applied event of an aggregate, one document each (indexed by aggregate and sequence): the dossier's
 * timeline and the pupil's file are read from these, so no document grows with the history.
 *
 * @param id aggregate id and sequence, so that a redelivered event is stored once
 */
public record HistoryEntry(@Id String id, String aggregateId, long sequence, StoredEvent event) {

    /** The entry as stored, written by hand: the same fields the mapping reads back, without mapping each of thousands per poll. */
    static org.bson.Document bson(HistoryEntry entry) {
        StoredEvent event = entry.event();
        return new org.bson.Document("_id", entry.id()).append("aggregateId", entry.aggregateId()).append("sequence", entry.sequence())
                .append("event", new org.bson.Document("eventId", event.eventId()).append("sequence", event.sequence())
                        .append("type", event.type()).append("revision", event.revision())
                        .append("recordedAt", event.recordedAt() == null ? null : java.util.Date.from(event.recordedAt()))
                        .append("json", event.json()));
    }

    /**
     * The events kept inside a view of the older format (1), served until the rebuild beside it switches; empty for views of
     * the current format, whose history lives in the history collection.
     */
    public static java.util.List<StoredEvent> insideOlderView(org.springframework.data.mongodb.core.MongoTemplate mongo, String views,
                                                              String aggregateId) {
        org.bson.Document view = mongo.getCollection(views).find(new org.bson.Document("_id", aggregateId))
                .projection(new org.bson.Document("events", 1)).first();
        if (view == null || !(view.get("events") instanceof java.util.List<?> events)) {
            return java.util.List.of();
        }
        return events.stream().map(event -> mongo.getConverter().read(StoredEvent.class, (org.bson.Document) event)).toList();
    }

    /** Ids per query: a 1,000-event case is one query of ~30 kB. */
    private static final int IDS_PER_QUERY = 1000;

    /**
     * The entries of an aggregate's events 0 to {@code upToSequence}, in order, read by their ids rather than by aggregate and
     * sequence: a view applies its aggregate's events without gaps from 0, so these are exactly the entries of sequence
     * {@code <= upToSequence}, and the {@code _id} index finds them on MongoDB and on the embedded mongo-java-server alike,
     * which has no secondary indexes and would scan the whole history collection of the board for them.
     */
    public static List<StoredEvent> upTo(MongoTemplate mongo, String collection, String aggregateId, long upToSequence) {
        List<HistoryEntry> entries = new ArrayList<>();
        for (long from = 0; from <= upToSequence; from += IDS_PER_QUERY) {
            List<String> ids = new ArrayList<>();
            for (long sequence = from; sequence <= Math.min(upToSequence, from + IDS_PER_QUERY - 1); sequence++) {
                ids.add(idOf(aggregateId, sequence));
            }
            entries.addAll(mongo.find(Query.query(Criteria.where("_id").in(ids)), HistoryEntry.class, collection));
        }
        entries.sort(Comparator.comparingLong(HistoryEntry::sequence));
        return entries.stream().map(HistoryEntry::event).toList();
    }

    static String idOf(String aggregateId, long sequence) {
        return aggregateId + "|" + sequence;
    }
}
