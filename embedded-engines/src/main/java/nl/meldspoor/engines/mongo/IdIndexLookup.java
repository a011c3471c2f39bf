package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Narrows a query with an {@code _id} condition to the documents the {@code _id} index finds.
 *
 * <p>mongo-java-server (1.47) uses a unique index only when the query's fields are exactly the index's fields
 * ({@code AbstractUniqueIndex.canHandle}), and has no other indexes: {@code {_id: X, version: V}} or
 * {@code {_id: X, mail.status: ...}} scan the whole collection, where MongoDB looks the one document up by
 * {@code _id}. Here the {@code _id} condition alone (an equality, {@code $eq} or {@code $in} of plain values)
 * is answered by the {@code _id} index, and the rest of the query is then matched against those few documents by
 * mongo-java-server's own matcher — the same documents the scan would have matched, as the {@code _id}
 * condition is one of the query's conjuncts (a field of the query, or of its {@code $and}). Everything else (no
 * {@code _id}, {@code _id: null}, regular expressions, embedded documents as ids, other operators) is left to
 * mongo-java-server as before.
 */
final class IdIndexLookup {

    private static final String ID = "_id";

    private IdIndexLookup() {
    }

    /** The documents an {@code _id} condition's index look-up found, and what of the query they must still match. */
    record Narrowed<P>(Iterable<P> positions, Document remainingQuery) {
    }

    /**
     * The documents the query's {@code _id} condition allows and the rest of the query, or null when the query is not
     * narrowed here (mongo-java-server then serves it by an index of its own or by a scan).
     */
    static <P> Narrowed<P> narrow(List<Index<P>> indexes, Document query) {
        if (query == null) {
            return null;
        }
        Document own = idCondition(query.get(ID));
        Document idCondition = own != null ? own : idConditionOfConjuncts(query);
        if (idCondition == null) {
            return null;
        }
        Index<P> idIndex = indexes.stream()
                .filter(index -> index.isUnique() && IdIndex.isIdIndex(index))
                .findFirst().orElse(null);
        if (idIndex == null || !idIndex.canHandle(idCondition)) {
            return null;
        }
        Iterable<P> positions = positions(idIndex, idCondition);
        if (own == null) {
            return new Narrowed<>(positions, query);
        }
        // the index finds exactly the documents of this _id condition (by the same equality as {_id: X} alone, which
        // mongo-java-server serves by the index itself), so it is not matched again: the matcher checks an $in by going
        // through its list, and 1,000 ids matched against 1,000 documents cost a million comparisons
        Document remaining = new Document(query);
        remaining.remove(ID);
        return new Narrowed<>(positions, remaining);
    }

    /**
     * The index's positions of the condition's ids. mongo-java-server orders an {@code $in}'s values in a tree set by its
     * value comparator before looking each up, which for the 6,000 month ids of a board's dashboard over five school
     * years was a tenth of the query; ids that are all strings are put in the same order (the comparator orders
     * strings by {@link String#compareTo}), each once, by the strings' own order, and looked up one by one.
     */
    private static <P> Iterable<P> positions(Index<P> idIndex, Document idCondition) {
        if (!(idCondition.get(ID) instanceof Document in) || !(in.get("$in") instanceof Collection<?> values)
                || !values.stream().allMatch(String.class::isInstance)) {
            return idIndex.getPositions(idCondition);
        }
        List<P> positions = new ArrayList<>(values.size());
        for (Object id : new TreeSet<>(values)) {
            idIndex.getPositions(new Document(ID, id)).forEach(positions::add);
        }
        return positions;
    }

    /**
     * The query's own {@code _id} condition, else one of its {@code $and}'s (the Java driver's {@code Filters.and} always
     * writes one): every conjunct must hold, so the documents of any of them include all that match.
     */
    private static Document idConditionOfConjuncts(Document query) {
        if (!(query.get("$and") instanceof Collection<?> conjuncts)) {
            return null;
        }
        for (Object conjunct : conjuncts) {
            Document condition = null;
            if (conjunct instanceof Document document) {
                condition = idCondition(document.get(ID));
                condition = condition != null ? condition : idConditionOfConjuncts(document);
            }
            if (condition != null) {
                return condition;
            }
        }
        return null;
    }

    /** {@code {_id: value}} or {@code {_id: {$in: values}}} for a condition the index answers exactly, else null. */
    private static Document idCondition(Object condition) {
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.containsKey("$eq") && isPlain(operators.get("$eq"))) {
                return new Document(ID, operators.get("$eq"));
            }
            if (operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(IdIndexLookup::isPlain)) {
                return new Document(ID, new Document("$in", values));
            }
            return null;
        }
        return isPlain(condition) ? new Document(ID, condition) : null;
    }

    // a value the index finds by equality the way the matcher compares it: no null (also matches a missing field),
    // no pattern, no array (matches by element) and no embedded document (compared field by field, in order)
    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof java.util.regex.Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
