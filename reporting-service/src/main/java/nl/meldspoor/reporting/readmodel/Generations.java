package nl.meldspoor.reporting.readmodel;

import java.util.Optional;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which generation of its collections each read model serves, in one pointer document per read model.
 * A rebuild fills generation n+1 beside the live generation n; queries on every replica keep reading n
 * until the pointer is switched — one atomic single-document update — and then read n+1. Generation 0
 * uses the plain collection names, so data from before generations existed is generation 0.
 */
@Component
public class Generations {

    static final String COLLECTION = "read_model_generations";

    /**
     * @param building the generation being rebuilt beside the active one, or null
     * @param format   the view format ({@link ReadModel#viewFormat()}) the active generation is known to be written in,
     *                 or null when not yet looked at (pointers from before formats were recorded)
     */
    public record Pointer(String id, int active, Integer building, Integer format) {

        public Pointer(String id, int active, Integer building) {
            this(id, active, building, null);
        }
    }

    /** @param startedNow whether this call started it: only then may its collections and positions be cleared */
    record Building(int generation, boolean startedNow) {
    }

    private final MongoTemplate mongo;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Pointer pointer(String readModel) {
        Pointer pointer = mongo.findById(readModel, Pointer.class, COLLECTION);
        return pointer == null ? new Pointer(readModel, 0, null, null) : pointer;
    }

    public int active(String readModel) {
        return pointer(readModel).active();
    }

    /** The name of the collection {@code base} in the generation queries read now. */
    public String collection(String readModel, String base) {
        return nameOf(base, active(readModel));
    }

    public static String nameOf(String base, int generation) {
        return generation == 0 ? base : base + "_g" + generation;
    }

    /**
     * Starts building the next generation, or joins the one being built: one conditional update, so that of two replicas
     * asking at once only one starts it — the other must not clear what the first one's consumer has written already.
     */
    Building startBuilding(String readModel) {
        Pointer pointer = pointer(readModel);
        if (pointer.building() != null) {
            return new Building(pointer.building(), false);
        }
        int next = pointer.active() + 1;
        try {
            var result = mongo.upsert(Query.query(Criteria.where("_id").is(readModel).and("active").is(pointer.active()).and("building").isNull()),
                    new Update().set("building", next), COLLECTION);
            if (result.getModifiedCount() > 0 || result.getUpsertedId() != null) {
                return new Building(next, true);
            }
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // the pointer changed between reading and updating it: someone else started (or switched) meanwhile
        }
        Pointer now = pointer(readModel);
        return now.building() != null ? new Building(now.building(), false) : startBuilding(readModel);
    }

    /** Records that the active generation is written in the current view format, so that startup need not look again. */
    void activeIsCurrentFormat(String readModel, int active, int format) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(readModel).and("active").is(active)),
                    new Update().set("format", format), COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException switched) {
            // another replica switched meanwhile; the new generation's format is recorded with the switch
        }
    }

    /** Makes the built generation the served one, if it is still the one being built (another replica may have switched). */
    boolean switchTo(String readModel, int generation, int format) {
        Pointer switched = mongo.findAndModify(Query.query(Criteria.where("_id").is(readModel).and("building").is(generation)),
                new Update().set("active", generation).unset("building").set("format", format), FindAndModifyOptions.options().returnNew(true),
                Pointer.class, COLLECTION);
        return switched != null;
    }

    Optional<Integer> building(String readModel) {
        return Optional.ofNullable(pointer(readModel).building());
    }
}
