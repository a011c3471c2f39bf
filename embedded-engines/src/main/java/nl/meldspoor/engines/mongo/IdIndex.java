package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The file store's {@code _id} index (mongo-java-server's unique index, which it wraps), knowing that a stored
 * document's position in the data map is its own {@code _id}.
 *
 * <p>mongo-java-server asks every index of the collection for the position of the document an update changes, though
 * that document came from a look-up of the same position a moment before: for the {@code _id} index a second search of
 * its tree per updated document, a tenth of the store's work in a read model's rebuild (the profile in the README's
 * <em>Updates in the embedded store</em>). It asks with a copy of the stored document, whose {@code _id} — a string or
 * an object id, as every read model's is — is the data map's key, so that is the answer; any other {@code _id} is looked
 * up as before.
 */
final class IdIndex extends Index<Object> {

    private static final String ID = "_id";

    private final Index<Object> unique;

    IdIndex(Index<Object> unique, boolean sparse) {
        super(unique.getName(), unique.getKeys(), sparse);
        this.unique = unique;
    }

    /** An index on {@code _id} alone (of either store: the in-memory one keeps mongo-java-server's). */
    static boolean isIdIndex(Index<?> index) {
        return index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }

    @Override
    public Object getPosition(Document stored) {
        Object id = stored.get(ID);
        return isKeptAsIs(id) ? id : unique.getPosition(stored);
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

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public Object remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query);
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        return unique.getPositions(query);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
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
