package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An update of a stored document that the file store works out itself rather than through mongo-java-server's generic
 * path: a whole replacement, or {@code $set}, {@code $unset}, {@code $inc} and {@code $setOnInsert} of plain paths through
 * embedded documents. The generic path copies the stored document deeply twice, splits every path with a stream and
 * matches it against two regular expressions compiled anew, and normalizes both versions of the whole document to tell
 * whether it was modified: in a read model's rebuild that was most of the store's work on updates. This one copies only
 * the documents on the changed paths and compares only the changed values.
 *
 * <p>It gives the document mongo-java-server would store (the same keys in the same order, the same kinds of numbers) and
 * the same answer to whether the update wrote it and modified it. Anything else goes the generic way, which also gives
 * its errors: an array, {@code null} or another value on a path, a positional operator or an array filter, another
 * operator, paths in conflict, the {@code _id} touched, a value the operator refuses, a multi-document replacement.
 */
final class DirectUpdate {

    private static final Logger log = LoggerFactory.getLogger(DirectUpdate.class);
    /** mongo-java-server's own equality of values (numbers of any kind by value), package-private in 1.47. */
    private static final MethodHandle NULL_AWARE_EQUALS = nullAwareEquals();

    private enum Operator { SET, UNSET, INC, SET_ON_INSERT }

    private record Change(Operator operator, String[] path, Object value) {
    }

    /** The document after the update, whether it differs from the stored one as stored and as mongo-java-server compares. */
    record Updated(Document document, boolean written, boolean modified) {
    }

    private final String idField;
    private final Document replacement;
    private final List<Change> changes;

    private DirectUpdate(String idField, Document replacement, List<Change> changes) {
        this.idField = idField;
        this.replacement = replacement;
        this.changes = changes;
    }

    /** The update if this class works it out, null for the generic path. */
    static DirectUpdate of(Document update, ArrayFilters arrayFilters, String idField, boolean isMulti) {
        if (NULL_AWARE_EQUALS == null || idField == null || update.isEmpty() || (arrayFilters != null && !arrayFilters.isEmpty())) {
            return null;
        }
        boolean anyOperator = update.keySet().stream().anyMatch(key -> key.startsWith("$"));
        if (!anyOperator) {
            return isMulti ? null : new DirectUpdate(idField, update, List.of());
        }
        List<Change> changes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (Map.Entry<String, Object> byOperator : update.entrySet()) {
            Operator operator = operator(byOperator.getKey());
            if (operator == null || !(byOperator.getValue() instanceof Document fields) || fields.isEmpty()) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String[] path = plainPath(field.getKey(), idField);
                if (path == null || inConflict(field.getKey(), paths, prefixes)
                        || (operator == Operator.INC && !(field.getValue() instanceof Number))) {
                    return null;
                }
                changes.add(new Change(operator, path, field.getValue()));
            }
        }
        return new DirectUpdate(idField, null, changes);
    }

    /** The stored document as the update leaves it, or null when the generic path must work it out. */
    Updated applyTo(Document stored) {
        return replacement != null ? replace(stored) : change(stored, false);
    }

    /**
     * What an upsert that matched nothing inserts where its filter gives the new document nothing but a string or object
     * {@code _id}: the update applied to {@code {_id: id}}, its {@code $setOnInsert} too; null when the generic path must
     * work it out.
     */
    Document insertedBy(Document filter) {
        Object id = idOfWhatAnUpsertInserts(filter);
        if (id == null) {
            return null;
        }
        Document base = new Document(idField, id);
        Updated inserted = replacement != null ? replace(base) : change(base, true);
        return inserted == null ? null : inserted.document();
    }

    /**
     * The string or object {@code _id} of the filter when mongo-java-server would insert {@code {_id}} and nothing else
     * from it: every other condition an operator expression (a guard such as {@code {$not: {$gt: 3}}}), which it leaves
     * out, and none an {@code $eq} alone, which it would insert; null otherwise.
     */
    private Object idOfWhatAnUpsertInserts(Document filter) {
        Object id = filter.get(idField);
        if (!(id instanceof String || id instanceof ObjectId)) {
            return null;
        }
        for (Map.Entry<String, Object> condition : filter.entrySet()) {
            if (condition.getKey().equals(idField)) {
                continue;
            }
            if (condition.getKey().startsWith("$") || !(condition.getValue() instanceof Document expression) || expression.isEmpty()
                    || expression.keySet().equals(Set.of("$eq")) || !expression.keySet().stream().allMatch(key -> key.startsWith("$"))) {
                return null;
            }
        }
        return id;
    }

    private Updated replace(Document stored) {
        Object oldId = stored.get(idField);
        Object newId = replacement.get(idField);
        // an _id altered, a null one given (mongo-java-server keeps the old) or a stored document without one: the generic way
        if (oldId == null || (newId == null && replacement.containsKey(idField)) || (newId != null && !equalValues(oldId, newId))) {
            return null;
        }
        Document result = new Document();
        result.put(idField, oldId);
        result.putAll(replacement);
        Utils.validateFieldNames(result);
        if (result.equals(stored)) {
            return new Updated(stored, false, false);
        }
        return new Updated(result, true, !sameKeysAndEqualValues(stored, result));
    }

    private Updated change(Document stored, boolean inserting) {
        Document result = stored.clone();
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        copies.add(result);
        boolean written = false;
        boolean modified = false;
        for (Change change : changes) {
            Operator operator = change.operator() == Operator.SET_ON_INSERT && inserting ? Operator.SET : change.operator();
            if (operator == Operator.SET_ON_INSERT) {
                continue;
            }
            Document parent = parentOf(result, change.path(), operator, copies);
            if (parent == null) {
                if (operator == Operator.UNSET && absentOnTheWay(result, change.path())) {
                    continue;
                }
                return null;
            }
            String field = change.path()[change.path().length - 1];
            Object old = parent.getOrMissing(field);
            switch (operator) {
                case SET -> {
                    if (!(old instanceof Missing) && equalValues(change.value(), old)) {
                        continue;
                    }
                    parent.put(field, change.value());
                    written = true;
                    modified = true;
                }
                case UNSET -> {
                    if (old instanceof Missing) {
                        continue;
                    }
                    parent.remove(field);
                    written = true;
                    modified = true;
                }
                case INC -> {
                    if (old != null && !(old instanceof Missing) && !(old instanceof Number)) {
                        return null;
                    }
                    Number from = old instanceof Number number ? number : Integer.valueOf(0);
                    Number sum = NumericUtils.addNumbers(from, (Number) change.value());
                    parent.put(field, sum);
                    boolean present = old != null && !(old instanceof Missing);
                    written |= !present || !old.equals(sum);
                    modified |= !present || !equalValues(old, sum);
                }
                default -> throw new IllegalStateException(operator.name());
            }
        }
        return written ? new Updated(result, true, modified) : new Updated(stored, false, false);
    }

    /**
     * The document the change's last field is in, copied (with every document above it) so that the stored one stays as it
     * is, and created where the path is absent; null where a value on the way is not a document, or absent for an unset.
     */
    private static Document parentOf(Document result, String[] path, Operator operator, Set<Document> copies) {
        Document parent = result;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = parent.getOrMissing(path[i]);
            Document next;
            if (child instanceof Missing) {
                if (operator == Operator.UNSET) {
                    return null;
                }
                next = new Document();
                copies.add(next);
            } else if (child instanceof Document embedded) {
                next = copies.contains(embedded) ? embedded : embedded.clone();
                copies.add(next);
            } else {
                return null;
            }
            parent.put(path[i], next);
            parent = next;
        }
        return parent;
    }

    /** Whether an unset's path stops at an absent field before its end, through documents only: nothing to unset. */
    private static boolean absentOnTheWay(Document document, String[] path) {
        Object value = document;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(value instanceof Document embedded)) {
                return false;
            }
            value = embedded.getOrMissing(path[i]);
            if (value instanceof Missing) {
                return true;
            }
        }
        return false;
    }

    private static Operator operator(String name) {
        return switch (name) {
            case "$set" -> Operator.SET;
            case "$unset" -> Operator.UNSET;
            case "$inc" -> Operator.INC;
            case "$setOnInsert" -> Operator.SET_ON_INSERT;
            default -> null;
        };
    }

    /** The path's fields, or null unless each is a plain name (not empty, no {@code $}) and the first is not the id. */
    private static String[] plainPath(String path, String idField) {
        String[] fields = path.split("\\.", -1);
        for (String field : fields) {
            if (field.isEmpty() || field.startsWith("$")) {
                return null;
            }
        }
        return fields[0].equals(idField) ? null : fields;
    }

    /** Whether the path is one seen before, or one seen before is on its way or it on theirs (mongo-java-server refuses these). */
    private static boolean inConflict(String path, Set<String> paths, Set<String> prefixes) {
        if (prefixes.contains(path) || !paths.add(path)) {
            return true;
        }
        for (int dot = path.indexOf('.'); dot >= 0; dot = path.indexOf('.', dot + 1)) {
            String prefix = path.substring(0, dot);
            if (paths.contains(prefix)) {
                return true;
            }
            prefixes.add(prefix);
        }
        return false;
    }

    /** mongo-java-server's comparison of two documents after normalizing (key order counts, numbers by value). */
    private static boolean sameKeysAndEqualValues(Document one, Document other) {
        if (!new ArrayList<>(one.keySet()).equals(new ArrayList<>(other.keySet()))) {
            return false;
        }
        for (Map.Entry<String, Object> entry : one.entrySet()) {
            if (!equalValues(entry.getValue(), other.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalValues(Object one, Object other) {
        if (Objects.equals(one, other)) {
            return true;
        }
        try {
            return (boolean) NULL_AWARE_EQUALS.invokeExact(one, other);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle nullAwareEquals() {
        try {
            return MethodHandles.privateLookupIn(Utils.class, MethodHandles.lookup())
                    .findStatic(Utils.class, "nullAwareEquals", MethodType.methodType(boolean.class, Object.class, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("mongo-java-server's value equality cannot be reached ({}); every update takes its generic path", e.toString());
            return null;
        }
    }
}
