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

    /** @param building the generation being rebuilt beside the active one, or null */
    public record Pointer(String id, int active, Integer building) {
    }

    private final MongoTemplate mongo;

    public Generations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Pointer pointer(String readModel) {
        Pointer pointer = mongo.findById(readModel, Pointer.class, COLLECTION);
        return pointer == null ? new Pointer(readModel, 0, null) : pointer;
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

    /** Starts (or continues) building the next generation; returns it. */
    int startBuilding(String readModel) {
        Pointer pointer = pointer(readModel);
        if (pointer.building() != null) {
            return pointer.building();
        }
        int next = pointer.active() + 1;
        mongo.upsert(Query.query(Criteria.where("_id").is(readModel)), new Update().set("active", pointer.active()).set("building", next),
                COLLECTION);
        return next;
    }

    /** Makes the built generation the served one, if it is still the one being built (another replica may have switched). */
    boolean switchTo(String readModel, int generation) {
        Pointer switched = mongo.findAndModify(Query.query(Criteria.where("_id").is(readModel).and("building").is(generation)),
                new Update().set("active", generation).unset("building"), FindAndModifyOptions.options().returnNew(true),
                Pointer.class, COLLECTION);
        return switched != null;
    }

    Optional<Integer> building(String readModel) {
        return Optional.ofNullable(pointer(readModel).building());
    }
}
