package nl.meldspoor.reporting.pupil;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.reporting.readmodel.Generations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The signals recorded at some schools in a period, as facts without pupils, for the dashboards. */
@Component
public class SignalFacts {

    private final MongoTemplate mongo;
    private final Generations generations;

    public SignalFacts(MongoTemplate mongo) {
        this(mongo, new Generations(mongo));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SignalFacts(MongoTemplate mongo, Generations generations) {
        this.mongo = mongo;
        this.generations = generations;
    }

    /** @param to exclusive */
    public List<SignalFact> recordedIn(List<String> schoolIds, Instant from, Instant to) {
        Query query = Query.query(Criteria.where("schoolIds").in(schoolIds));
        query.fields().include("signals");
        return mongo.find(query, PupilRecord.class, generations.collection(PupilSignals.NAME, PupilRecord.COLLECTION)).stream()
                .flatMap(pupil -> pupil.signals().stream())
                .filter(signal -> schoolIds.contains(signal.schoolId()))
                .filter(signal -> !signal.recordedAt().isBefore(from) && signal.recordedAt().isBefore(to))
                .toList();
    }
}
