package nl.meldspoor.engines.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.List;
import java.util.stream.Stream;

/**
 * An aggregation whose first stage is a {@code $match} that a non-unique index narrows, run over the documents the index
 * finds instead of the whole collection. mongo-java-server (1.47) runs every aggregation over every document — and a
 * {@code countDocuments} is one: a page's total (the inbox, the incident register, the case list, the access log) was a
 * scan of the collection. The pipeline itself is mongo-java-server's, its {@code $match} included, and the documents
 * come in the collection's natural order as they would from the scan, so the answer is the same.
 */
final class NarrowedAggregation {

    private NarrowedAggregation() {
    }

    /** The command's answer, or null when it is not such an aggregation (mongo-java-server then answers it). */
    static Document answer(MongoDatabase database, String namespace, Document command, DatabaseResolver databaseResolver, Oplog oplog) {
        if (!(command.get("aggregate") instanceof String collectionName) || !(command.get("pipeline") instanceof List<?> stages)
                || stages.isEmpty() || !(stages.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document match)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (!(collection instanceof IdServedH2Collection served)) {
            return null;
        }
        Stream<Document> narrowed = served.narrowedTo(match);
        if (narrowed == null) {
            return null;
        }
        Aggregation aggregation = Aggregation.fromPipeline(command.get("pipeline"), databaseResolver, database, collection, oplog);
        aggregation.validate(command);
        Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", aggregation.runStages(narrowed));
        Document answer = new Document("cursor", cursor);
        Utils.markOkay(answer);
        return answer;
    }
}
