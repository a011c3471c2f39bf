package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-unique index of the file store, which mongo-java-server (1.47) accepts and ignores: without it, the notification
 * inbox, the due mails and reminders and a school's cases and access log were each a scan of their whole collection,
 * which MongoDB serves from the index the service declares.
 *
 * <p>It narrows a query by its condition on the index's <em>first</em> field — an equality ({@code {f: v}}, {@code $eq}),
 * an {@code $in}, or one bound of a range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) of plain values, at the
 * query's top level or in its {@code $and} — to the documents with such a value there (an array's elements each count,
 * as the matcher counts them). The whole query is then matched against those documents by mongo-java-server's own matcher,
 * in the collection's natural order, so the answer is the scan's: the index only leaves out documents the matcher would
 * refuse. One bound of a range, not both: an array field matches {@code {$gt: 5, $lt: 10}} with one element above 5 and
 * another below 10.
 *
 * <p>Held in memory (the documents' ids by value: at most ~130 bytes per document, by {@code QueriesBySecondaryIndexProbe})
 * and built from the collection when the store opens or the index is declared ({@link IdServedH2Collection#addIndex}), so
 * it can never disagree with the data after a crash. Every change of the collection passes through it under the
 * collection's lock.
 */
final class SecondaryIndex extends Index<Object> {

    private static final String ID = "_id";
    /**
     * mongo-java-server's order of values, with strings and instants compared directly (the same order): its comparator
     * first looks each value's type up in its list of types, at every step of a search.
     */
    private static final Comparator<Object> VALUE_ORDER = (a, b) -> a instanceof String left && b instanceof String right ? left.compareTo(right)
            : a instanceof Instant left && b instanceof Instant right ? left.compareTo(right)
            : ValueComparator.ascWithoutListHandling().compare(a, b);

    private final String field;
    private final Comparator<Object> naturalOrder;
    private final NavigableMap<Object, Set<Object>> idsByValue = new ConcurrentSkipListMap<>(VALUE_ORDER);
    private final AtomicLong entries = new AtomicLong();
    private volatile boolean built;

    /** @param naturalOrder the order of the collection's documents by their ids (the data map's key order) */
    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Comparator<Object> naturalOrder) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
        this.naturalOrder = naturalOrder;
    }

    /**
     * The index among these that narrows the query to the fewest documents, or null when none narrows it to at most a
     * third of the collection's {@code documents}: a document found by the index is looked up in the data map on its own
     * and the ids sorted first, where a scan walks the map's pages in order — for a condition most documents meet
     * (a board's every school), the scan is the faster.
     */
    static SecondaryIndex mostSelective(List<Index<Object>> indexes, Document query, long documents) {
        SecondaryIndex best = null;
        long fewest = documents / 3 + 1;
        for (Index<Object> index : indexes) {
            if (index instanceof SecondaryIndex secondary) {
                long estimate = secondary.estimate(query, fewest);
                if (estimate >= 0 && estimate < fewest) {
                    best = secondary;
                    fewest = estimate;
                }
            }
        }
        return best;
    }

    /** The collection's documents were all added ({@link IdServedH2Collection#addIndex}). */
    void built() {
        built = true;
    }

    // mongo-java-server builds an index from the collection when it is empty: this one is built by its collection in one pass
    @Override
    public boolean isEmpty() {
        return !built;
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        for (Object value : valuesOf(document)) {
            idsByValue.compute(value, (key, ids) -> {
                Set<Object> present = ids != null ? ids : ConcurrentHashMap.newKeySet();
                if (present.add(position)) {
                    entries.incrementAndGet();
                }
                return present;
            });
        }
    }

    @Override
    public Object remove(Document document) {
        Object position = document.get(ID);
        removeFrom(valuesOf(document), position);
        return position;
    }

    private void removeFrom(Collection<Object> values, Object position) {
        for (Object value : values) {
            idsByValue.computeIfPresent(value, (key, ids) -> {
                if (ids.remove(position)) {
                    entries.decrementAndGet();
                }
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection) {
        Collection<Object> before = valuesOf(oldDocument);
        Collection<Object> after = valuesOf(newDocument);
        // equal values of another kind (1 and 1.0) are taken out and put back: the same entry
        if (before.equals(after)) {
            return;
        }
        removeFrom(before, position);
        add(newDocument, position, collection);
    }

    @Override
    public boolean canHandle(Document query) {
        return conditionOn(query) != null;
    }

    /** The ids of the documents the query's condition on the field allows, each once, in the collection's natural order. */
    @Override
    public Iterable<Object> getPositions(Document query) {
        Collection<Set<Object>> sets = candidates(conditionOn(query));
        List<Object> ordered;
        if (sets.size() == 1) {
            ordered = new ArrayList<>(sets.iterator().next());
        } else {
            // a document is in several sets when its array holds several of the values
            Set<Object> ids = new HashSet<>();
            sets.forEach(ids::addAll);
            ordered = new ArrayList<>(ids);
        }
        ordered.sort(naturalOrder);
        return ordered;
    }

    /**
     * How many documents the query is narrowed to (at most), counted no further than {@code enough} (a range's sets are
     * not all counted once it is clear the scan will serve it), or -1 when this index does not narrow it.
     */
    long estimate(Document query, long enough) {
        Object condition = conditionOn(query);
        if (condition == null) {
            return -1;
        }
        long counted = 0;
        for (Set<Object> ids : candidates(condition)) {
            counted += ids.size();
            if (counted >= enough) {
                break;
            }
        }
        return counted;
    }

    @Override
    public long getCount() {
        return entries.get();
    }

    @Override
    public long getDataSize() {
        return entries.get() * 64;
    }

    @Override
    public void drop() {
        idsByValue.clear();
        entries.set(0);
    }

    /** The field's values in the document, an array's elements each (as deep as they nest), without null or missing. */
    private Collection<Object> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (Missing.isNullOrMissing(value)) {
            return List.of();
        }
        if (!(value instanceof Collection)) {
            return List.of(value);
        }
        Set<Object> values = new TreeSet<>(VALUE_ORDER);
        collect(value, values);
        return values;
    }

    private static void collect(Object value, Set<Object> values) {
        if (Missing.isNullOrMissing(value)) {
            return;
        }
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> collect(element, values));
        } else {
            values.add(value);
        }
    }

    /** The query's condition on the field that this index narrows by (its own, else one of its {@code $and}'s), or null. */
    private Object conditionOn(Document query) {
        if (query == null) {
            return null;
        }
        Object own = query.get(field);
        if (own != null && narrows(own)) {
            return own;
        }
        if (query.get("$and") instanceof Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document document) {
                    Object condition = conditionOn(document);
                    if (condition != null) {
                        return condition;
                    }
                }
            }
        }
        return null;
    }

    private static boolean narrows(Object condition) {
        if (!(condition instanceof Document operators)) {
            return isPlain(condition);
        }
        if (!isOperators(operators)) {
            return false;
        }
        return isPlain(operators.get("$eq"))
                || operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(SecondaryIndex::isPlain)
                || RANGE.stream().anyMatch(operator -> isPlain(operators.get(operator)));
    }

    private static final List<String> RANGE = List.of("$gte", "$gt", "$lte", "$lt");

    /** The id sets of the values the condition allows (for a range, one bound: see the class comment). */
    private Collection<Set<Object>> candidates(Object condition) {
        if (!(condition instanceof Document operators)) {
            return exactly(condition);
        }
        if (isPlain(operators.get("$eq"))) {
            return exactly(operators.get("$eq"));
        }
        if (operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(SecondaryIndex::isPlain)) {
            List<Set<Object>> sets = new ArrayList<>();
            values.forEach(value -> sets.addAll(exactly(value)));
            return sets;
        }
        for (String operator : RANGE) {
            Object bound = operators.get(operator);
            if (isPlain(bound)) {
                Map<Object, Set<Object>> range = switch (operator) {
                    case "$gte" -> idsByValue.tailMap(bound, true);
                    case "$gt" -> idsByValue.tailMap(bound, false);
                    case "$lte" -> idsByValue.headMap(bound, true);
                    default -> idsByValue.headMap(bound, false);
                };
                return range.values();
            }
        }
        throw new IllegalStateException("not a narrowing condition: " + condition);
    }

    private List<Set<Object>> exactly(Object value) {
        Set<Object> ids = idsByValue.get(value);
        return ids == null ? List.of() : List.of(ids);
    }

    private static boolean isOperators(Document condition) {
        return !condition.isEmpty() && condition.keySet().stream().allMatch(key -> key.startsWith("$"));
    }

    // a value the index finds the way the matcher compares it: no null (also matches a missing field), no pattern, no array
    // (matches the whole array too) and no embedded document (compared field by field, in order)
    private static boolean isPlain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof java.util.regex.Pattern)
                && !BsonRegularExpression.isRegularExpression(value) && !Missing.isNullOrMissing(value);
    }
}
