package nl.meldspoor.reporting.readmodel;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
     * @param building       the generation being rebuilt beside the active one, or null
     * @param format         the view format ({@link ReadModel#viewFormat()}) the active generation is known to be written in,
     *                       or null when not yet looked at (pointers from before formats were recorded)
     * @param buildingFormat the view format the generation being rebuilt is written in, or null when it was started by a
     *                       release that did not record it
     */
    public record Pointer(String id, int active, Integer building, Integer format, Integer buildingFormat) {

        public Pointer(String id, int active, Integer building) {
            this(id, active, building, null, null);
        }

        public Pointer(String id, int active, Integer building, Integer format) {
            this(id, active, building, format, null);
        }

        /**
         * The generations a replica writing views of the given format keeps current: only those written in its own format
         * (or of no recorded format), so that during a rolling update that changes the format, a replica of either version
         * never writes its format into a generation the other's replicas write and read in theirs.
         *
         * @param olderFormatActive the active generation this replica found written in an older format at startup, or null
         */
        public Set<Integer> consumedBy(int viewFormat, Integer olderFormatActive) {
            Set<Integer> consumed = new HashSet<>();
            boolean activeInItsFormat = format == null || format == viewFormat;
            boolean activeOlderWhileRebuilt = building != null && Integer.valueOf(active).equals(olderFormatActive);
            if (activeInItsFormat && !activeOlderWhileRebuilt) {
                consumed.add(active);
            }
            if (building != null && (buildingFormat == null || buildingFormat == viewFormat)) {
                consumed.add(building);
            }
            return consumed;
        }
    }

    /**
     * @param startedNow whether this call started it: only then may its collections and positions be cleared
     * @param superseded the generation an older format's replica was building, which this one replaces, or null
     */
    record Building(int generation, boolean startedNow, Integer superseded) {

        Building(int generation, boolean startedNow) {
            this(generation, startedNow, null);
        }
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
     * Starts building the next generation in the given view format, or joins the one being built in it: one conditional
     * update, so that of two replicas asking at once only one starts it — the other must not clear what the first one's
     * consumer has written already. A generation being built in an older format (a replica of the previous version started
     * it during a rolling update) is replaced by a new one in this format; one being built in a newer format is left to
     * the replicas of that format: empty.
     */
    Optional<Building> startBuilding(String readModel, int viewFormat) {
        Pointer pointer = pointer(readModel);
        if (pointer.building() != null) {
            Integer theirs = pointer.buildingFormat();
            if (theirs == null || theirs == viewFormat) {
                return Optional.of(new Building(pointer.building(), false));
            }
            if (theirs > viewFormat) {
                return Optional.empty();
            }
            int next = pointer.building() + 1;
            Pointer replaced = mongo.findAndModify(Query.query(Criteria.where("_id").is(readModel).and("building").is(pointer.building())
                            .and("buildingFormat").is(theirs)),
                    new Update().set("building", next).set("buildingFormat", viewFormat), FindAndModifyOptions.options().returnNew(true),
                    Pointer.class, COLLECTION);
            return replaced != null ? Optional.of(new Building(next, true, pointer.building())) : startBuilding(readModel, viewFormat);
        }
        int next = pointer.active() + 1;
        try {
            var result = mongo.upsert(Query.query(Criteria.where("_id").is(readModel).and("active").is(pointer.active()).and("building").isNull()),
                    new Update().set("building", next).set("buildingFormat", viewFormat), COLLECTION);
            if (result.getModifiedCount() > 0 || result.getUpsertedId() != null) {
                return Optional.of(new Building(next, true));
            }
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // the pointer changed between reading and updating it: someone else started (or switched) meanwhile
        }
        return startBuilding(readModel, viewFormat);
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

    /**
     * Makes the built generation the served one, if it is still the one being built (another replica may have switched).
     *
     * @param format the view format it was built in
     */
    boolean switchTo(String readModel, int generation, int format) {
        Pointer switched = mongo.findAndModify(Query.query(Criteria.where("_id").is(readModel).and("building").is(generation)),
                new Update().set("active", generation).unset("building").unset("buildingFormat").set("format", format),
                FindAndModifyOptions.options().returnNew(true),
                Pointer.class, COLLECTION);
        return switched != null;
    }

    Optional<Integer> building(String readModel) {
        return Optional.ofNullable(pointer(readModel).building());
    }
}
