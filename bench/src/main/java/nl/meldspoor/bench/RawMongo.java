package nl.meldspoor.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** The raw baseline of a rebuild: bulk upserts of case-sized documents into the same mongo-java-server. */
final class RawMongo {

    private static final int BATCH = 500;
    private final String uri;

    RawMongo(String uri) {
        this.uri = uri;
    }

    /** Documents per second. */
    double bulkUpsert(int documents) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(uri.substring(uri.lastIndexOf('/') + 1)).getCollection("raw_cases");
            collection.drop();
            // warm-up, not timed: the connection and the collection's creation
            collection.bulkWrite(List.of(new ReplaceOneModel<>(Filters.eq("_id", "warm-up"), new Document("_id", "warm-up"),
                    new ReplaceOptions().upsert(true))));
            long started = System.nanoTime();
            List<WriteModel<Document>> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                String id = "case-" + i;
                Document doc = new Document("_id", id).append("schoolId", "bs-%03d".formatted(i % 100)).append("currentStep", 1 + i % 5)
                        .append("status", i % 3 == 0 ? "CLOSED" : "OPEN").append("sequence", i)
                        .append("summary", "Blauwe plekken op de armen. ".repeat(20));
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
                if (batch.size() == BATCH) {
                    collection.bulkWrite(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                collection.bulkWrite(batch);
            }
            return documents / ((System.nanoTime() - started) / 1e9);
        }
    }
}
