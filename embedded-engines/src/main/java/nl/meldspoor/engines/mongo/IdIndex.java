package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The file store's {@code _id} index, knowing that a stored document's position in the data map is its own {@code _id}
 * when that is a string or an object id, as every read model's is ({@link #isKeptAsIs}).
 *
 * <p>For such an {@code _id} the data map is the index: whether a document has it, and where, is the data map's own key
 * look-up, so mongo-java-server's unique index (which it wraps) neither holds nor searches it. That index is a second
 * tree beside the data map, whose keys H2 writes and reads by Java serialization; keeping every {@code _id} there was
 * a third of the store's work at one command at a time (the profile in the README's <em>The data map as the
 * {@code _id} index</em>). Any other {@code _id} (a number, an embedded document, null) is kept and looked up there as
 * before. mongo-java-server also asks every index for the position of the document an update changes, with a copy of
 * the stored document: for such an {@code _id} that is the answer without a search.
 *
 * <p>A file an earlier version wrote holds every {@code _id} in the index: those entries are no longer read, and go
 * when their document is removed. A file this version wrote is not read correctly by an earlier one (its index misses
 * the documents added since), as mongo-java-server's own store does not read this one's BSON documents at all.
 */
final class IdIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Index<Object> unique;
    private final Map<Object, ?> stored;

    /**
     * @param unique the collection's unique {@code _id} index, for every other kind of {@code _id}
     * @param stored the collection's documents by {@code _id} (its data map)
     */
    IdIndex(Index<Object> unique, boolean sparse, Map<Object, ?> stored) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
        this.stored = stored;
    }

    /** An index on {@code _id} alone (of either store: the in-memory one keeps mongo-java-server's). */
    static boolean isIdIndex(Index<?> index) {
        return index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }

    @Override
    public Object getPosition(Document document) {
        Object id = document.get(ID);
        return isKeptAsIs(id) ? id : unique.getPosition(document);
    }

    /**
     * An {@code _id} the copy of a stored document shares with it, and which is the data map's key by value: a string or
     * an object id. An embedded document as {@code _id} is copied with the document and is not the map's key (written
     * there, it was a second entry beside the stored one); a number may be another kind of number than the key (a
     * replacement may give {@code _id} 7 as a long where it was stored as an int, as mongo-java-server compares numbers by
     * value); {@code null} is kept under a marker.
     */
    private static boolean isKeptAsIs(Object id) {
        return id instanceof String || id instanceof ObjectId;
    }

    // a value both indexes find by equality: no embedded document or list (compared as a whole or element by element),
    // no pattern
    private static boolean isScalar(Object value) {
        return !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Pattern)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        Object id = document.get(ID);
        if (!isKeptAsIs(id)) {
            unique.checkAdd(document, collection);
        } else if (stored.containsKey(id)) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(id));
        }
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        if (!isKeptAsIs(document.get(ID))) {
            unique.add(document, position, collection);
        }
    }

    /** The removed document's position; an entry an earlier version kept for its {@code _id} goes with it. */
    @Override
    public Object remove(Document document) {
        Object id = document.get(ID);
        if (!isKeptAsIs(id)) {
            return unique.remove(document);
        }
        if (!unique.isEmpty()) {
            unique.remove(document);
        }
        return id;
    }

    /**
     * An equality or an {@code $in} of plain values, as mongo-java-server's unique index answers them. A regular expression,
     * which that index answers by going through its own keys, is left to the collection's scan: those keys are not all here.
     */
    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) && answered(query.get(ID));
    }

    private static boolean answered(Object queried) {
        if (queried instanceof Document operators) {
            return operators.size() == 1 && operators.get("$in") instanceof Collection<?> values
                    && values.stream().allMatch(IdIndex::isScalar);
        }
        return isScalar(queried);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        Object queried = query.get(ID);
        if (queried instanceof Document operators && operators.get("$in") instanceof Collection<?> values) {
            // in the order and without the duplicates mongo-java-server's index gives them
            TreeSet<Object> ordered = new TreeSet<>(ValueComparator.asc());
            ordered.addAll(values);
            List<Object> positions = new ArrayList<>();
            ordered.forEach(value -> positionsOf(value).forEach(positions::add));
            return positions;
        }
        return positionsOf(queried);
    }

    private Iterable<Object> positionsOf(Object id) {
        if (isKeptAsIs(id)) {
            return stored.containsKey(id) ? List.of(id) : List.of();
        }
        return unique.getPositions(new Document(ID, id));
    }

    /** Every document has one {@code _id}; the index may still hold entries for documents an earlier version added. */
    @Override
    public long getCount() {
        return stored.size();
    }

    /**
     * Whether the collection has documents, not whether the index has entries: mongo-java-server adds every document of a
     * collection it opens to an index that is empty.
     */
    @Override
    public boolean isEmpty() {
        return stored.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position, MongoCollection<Object> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }
}
