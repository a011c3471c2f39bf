package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection of the H2 file store that serves every query with an {@code _id} condition by the {@code _id} index
 * ({@link IdIndexLookup}), and every other query that one of its non-unique indexes narrows by that index
 * ({@link SecondaryIndex}).
 *
 * <p>Its index list changes (an index added or dropped, all of them when the collection is dropped) under the
 * collection's lock, which every query holds while it reads the list: mongo-java-server changes it without, and a query
 * that met a read model's old generation being dropped failed with a {@code ConcurrentModificationException}.
 */
class IdServedH2Collection extends H2Collection {

    /** The documents by {@code _id}: its key order is the collection's natural order. */
    private final MVMap<Object, Document> dataMap;
    /** The selector an update just found no document for, under the collection's lock: its upsert need not look again. */
    private Document foundNothingFor;

    IdServedH2Collection(MongoDatabase database, String collectionName, CollectionOptions options, MVMap<Object, Document> dataMap,
                         MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.dataMap = dataMap;
    }

    // every find, count, update, delete and findAndModify of a collection comes through here; all but a count already
    // hold the collection's lock, under which its index list changes
    @Override
    protected synchronized QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        if (query == foundNothingFor) {
            foundNothingFor = null;
            return new QueryResult();
        }
        IdIndexLookup.Narrowed<Object> narrowed = IdIndexLookup.narrow(getIndexes(), query);
        if (narrowed != null) {
            return matchDocuments(narrowed.remainingQuery(), narrowed.positions(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        // mongo-java-server's own: a unique index whose fields are exactly the query's finds its one document
        for (Index<Object> index : getIndexes()) {
            if (index.isUnique() && index.canHandle(query)) {
                return matchDocuments(query, index.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
            }
        }
        // a scan in reverse natural order is the scan's own; the index gives its documents in natural order
        SecondaryIndex secondary = isNaturalOrder(orderBy) ? null : SecondaryIndex.mostSelective(getIndexes(), query, count());
        if (secondary != null) {
            return matchDocuments(query, secondary.getPositions(query), orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The documents the query's {@code _id} condition ({@link IdIndexLookup}) or a non-unique index narrows the query to, in
     * natural order (a superset of those it matches: its caller still matches them), or null when neither narrows it
     * (to few enough, {@link SecondaryIndex#mostSelective}).
     * For an aggregation's leading {@code $match}, which mongo-java-server runs over every document ({@link NarrowedAggregation}).
     * Read under the collection's lock, as a find is: the index list changes under it, and a dropped collection's data map
     * is emptied, which a read after the lock would have met half-way (an aggregation counting some of the documents).
     */
    synchronized Stream<Document> narrowedTo(Document query) {
        Iterable<Object> positions = narrowedPositions(query);
        if (positions == null) {
            return null;
        }
        List<Document> documents = new ArrayList<>();
        for (Object position : positions) {
            Document document = getDocument(position);
            if (document != null) {
                documents.add(document);
            }
        }
        return documents.stream();
    }

    private Iterable<Object> narrowedPositions(Document query) {
        // an _id condition first: a count by _id (Spring's exists() is one) scanned every document of the collection
        IdIndexLookup.Narrowed<Object> byId = IdIndexLookup.narrow(getIndexes(), query);
        if (byId != null) {
            List<Object> positions = new ArrayList<>();
            byId.positions().forEach(positions::add);
            positions.sort(dataMap.getKeyType()::compare);
            return positions;
        }
        SecondaryIndex secondary = SecondaryIndex.mostSelective(getIndexes(), query, count());
        return secondary == null ? null : secondary.getPositions(query);
    }

    /**
     * A replacement or an update of plain fields is worked out by {@link DirectUpdate}, the rest by mongo-java-server, as is
     * an update that matches nothing (an upsert inserts). Every document the update matches is worked out before any is
     * written, so that one the generic path must take sends the whole update there; each is then written as
     * mongo-java-server writes it: its indexes checked and changed, the new document put under its position.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters, boolean isMulti,
                                                 boolean isUpsert, Oplog oplog) {
        DirectUpdate direct = DirectUpdate.of(updateQuery, arrayFilters, getIdField(), isMulti);
        if (direct == null) {
            return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        List<Document> matched = new ArrayList<>();
        for (Document document : queryDocuments(selector, null, 0, 0, 0, null)) {
            matched.add(document);
            if (!isMulti) {
                break;
            }
        }
        if (matched.isEmpty()) {
            return nothingMatched(direct, selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
        }
        List<DirectUpdate.Updated> updates = new ArrayList<>(matched.size());
        List<Object> positions = new ArrayList<>(matched.size());
        for (Document document : matched) {
            DirectUpdate.Updated updated = direct.applyTo(document);
            Object position = updated == null || !updated.written() ? null : singlePosition(document);
            if (updated == null || (updated.written() && position == null)) {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            }
            updates.add(updated);
            positions.add(position);
        }
        List<Object> modifiedIds = new ArrayList<>();
        for (int i = 0; i < matched.size(); i++) {
            Document stored = matched.get(i);
            DirectUpdate.Updated updated = updates.get(i);
            if (updated.written()) {
                List<Index<Object>> changedKeys = getIndexes().stream().filter(index -> !sameKeys(index, stored, updated.document())).toList();
                for (Index<Object> index : changedKeys) {
                    index.checkUpdate(stored, updated.document(), this);
                }
                for (Index<Object> index : changedKeys) {
                    index.updateInPlace(stored, updated.document(), positions.get(i), this);
                }
                handleUpdate(positions.get(i), stored, updated.document());
            }
            if (updated.modified()) {
                modifiedIds.add(stored.get(getIdField()));
            }
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, modifiedIds);
        return updateResult(matched.size(), modifiedIds.size());
    }

    /**
     * mongo-java-server's answer to an update that matched nothing. An upsert whose filter gives nothing to the inserted
     * document but a string or object {@code _id} inserts what {@link DirectUpdate} works out from it; any other upsert is
     * mongo-java-server's, which queries again and is told that nothing is there.
     */
    private Document nothingMatched(DirectUpdate direct, Document selector, Document updateQuery, ArrayFilters arrayFilters, boolean isMulti,
                                    boolean isUpsert, Oplog oplog) {
        Document inserted = isUpsert ? direct.insertedBy(selector) : null;
        if (inserted != null) {
            addDocument(inserted);
            oplog.handleInsert(getFullName(), List.of(inserted));
            Document result = new Document("upserted", inserted.get(getIdField()));
            result.putAll(updateResult(0, 0));
            return result;
        }
        if (isUpsert) {
            foundNothingFor = selector;
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, true, oplog);
            } finally {
                foundNothingFor = null;
            }
        }
        oplog.handleUpdate(getFullName(), selector, updateQuery, List.of());
        return updateResult(0, 0);
    }

    /** An update's answer as mongo-java-server gives it: how many documents matched and how many it modified. */
    private static Document updateResult(int matched, int modified) {
        Document result = new Document("n", Integer.valueOf(matched));
        result.put("nModified", Integer.valueOf(modified));
        return result;
    }

    /**
     * Whether the index's keys are those of the stored document for certain: the fields they are in hold the same value
     * object, which {@link DirectUpdate} leaves wherever it changes nothing, or an equal string. Checking and changing such
     * an index does nothing in mongo-java-server but work its keys out twice, each path split by a stream.
     */
    private static boolean sameKeys(Index<Object> index, Document stored, Document updated) {
        for (IndexKey key : index.getKeys()) {
            String path = key.getKey();
            int dot = path.indexOf('.');
            String field = dot < 0 ? path : path.substring(0, dot);
            Object before = stored.getOrMissing(field);
            Object after = updated.getOrMissing(field);
            if (before != after && !(before instanceof String && before.equals(after))) {
                return false;
            }
        }
        return true;
    }

    /** Where the document is stored, as its {@code _id} index says, or else its indexes (mongo-java-server's own way); null unless they name one place. */
    private Object singlePosition(Document document) {
        // the data map's key is the _id, which the _id index gives without working out the other indexes' keys
        for (Index<Object> index : getIndexes()) {
            if (index instanceof IdIndex byId) {
                return byId.getPosition(document);
            }
        }
        Set<Object> positions = new HashSet<>();
        for (Index<Object> index : getIndexes()) {
            Object position = index.getPosition(document);
            if (position != null) {
                positions.add(position);
            }
        }
        return positions.size() == 1 ? positions.iterator().next() : null;
    }

    /**
     * The collection's data size (what {@code collStats} and {@code validate} report as its size) is not kept: keeping
     * it encoded every written document as BSON, an update both its old and its new version, and wrote the total to the
     * collection's metadata map on every write. Nothing of Meldspoor reads it; a store written before keeps the size it
     * had then.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    private static boolean isNaturalOrder(Document orderBy) {
        return orderBy != null && orderBy.containsKey("$natural");
    }

    /**
     * A new non-unique index is built here in one pass over the collection (mongo-java-server reads it twice), under the
     * collection's lock, so no document written meanwhile is missed; an index of that name already present is left as
     * mongo-java-server leaves it.
     */
    @Override
    public synchronized void addIndex(Index<Object> index) {
        if (index instanceof SecondaryIndex secondary && getIndexes().stream().noneMatch(present -> present.getName().equals(index.getName()))) {
            streamAllDocumentsWithPosition().forEach(document -> secondary.add(document.getDocument(), document.getPosition(), this));
            secondary.built();
        }
        super.addIndex(index);
    }

    /** Under the collection's lock, as {@link #addIndex}: mongo-java-server drops a collection's indexes without it. */
    @Override
    public synchronized void dropIndex(String indexName) {
        super.dropIndex(indexName);
    }
}
