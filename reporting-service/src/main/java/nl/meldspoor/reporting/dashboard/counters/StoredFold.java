package nl.meldspoor.reporting.dashboard.counters;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * An aggregate's fold ({@link CounterSource}) as stored: its id and the fold's fields as one JSON value in a binary
 * field. The store then reads, matches and writes one value per fold rather than a tree of a few dozen fields, nested
 * documents and lists, and the fold is not mapped field by field on either side: in a rebuild the folds' writes took a
 * quarter of the counters' time (*Stored folds* in the README). Nothing queries a fold's fields; it is read by id only.
 *
 * <p>Beside the fold, the aggregate's contributions to its months ({@link #CONTRIBUTIONS}): the poll that moves the
 * aggregate reads both with one look-up and writes both with one replace, which also makes the fold and the
 * contributions it gives one atomic write.
 *
 * <p>A generation of format 5 stored the folds as mapped documents; it is counted again beside it at startup
 * ({@link MonthCounters#FORMAT}). A mapped fold met in a generation of this format (a replica of the previous version
 * still consuming a generation being rebuilt, during a rolling update) is read as it was written and stored in this
 * shape when its aggregate next moves.
 */
final class StoredFold {

    static final String FOLD = "fold";
    /**
     * The aggregate's contributions to its school months, by the month's field key ({@code DashboardCounters#fieldKey}):
     * each its sequence number, counts and samples ({@link Contribution#toStored}). Stored with the fold since format 7
     * (before, each in a document of its own, {@link Contribution#COLLECTION}).
     */
    static final String CONTRIBUTIONS = "contributions";

    /** Every field, whatever its visibility, and nothing else: the fold's own state, as the mapped document held it. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.ALL, Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, Visibility.ANY)
            .visibility(PropertyAccessor.CREATOR, Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private StoredFold() {
    }

    /** The fold and, unless null (a fold of format 6 or older that did not move), the aggregate's contributions. */
    static Document of(CounterSource source, Document contributions) {
        try {
            Document stored = new Document("_id", source.aggregateId()).append(FOLD, new Binary(JSON.writeValueAsBytes(source)));
            return contributions == null ? stored : stored.append(CONTRIBUTIONS, contributions);
        } catch (IOException failure) {
            throw new IllegalStateException("Could not write the counters' fold of " + source.aggregateId(), failure);
        }
    }

    /** The contributions stored with the fold, or null for a fold of format 6 or older (they are in their own documents). */
    static Document contributionsOf(Document stored) {
        return stored.get(CONTRIBUTIONS, Document.class);
    }

    static CounterSource read(Document stored, MongoConverter mapped) {
        if (!(stored.get(FOLD) instanceof Binary fold)) {
            return mapped.read(CounterSource.class, stored);
        }
        try {
            return JSON.readValue(fold.getData(), CounterSource.class);
        } catch (IOException failure) {
            throw new IllegalStateException("Could not read the counters' fold of " + stored.get("_id"), failure);
        }
    }
}
