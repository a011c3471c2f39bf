package nl.meldspoor.reporting.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.reporting.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** Since RecordViewed revision 2 a purpose is a code; what readers typed before must not be shown or kept. */
class AccessLogReadModelTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final AccessLogReadModel model = new AccessLogReadModel(mongo.template(),
            (MongoMappingContext) mongo.template().getConverter().getMappingContext(), new AccessLogChain(mongo.template()));

    @AfterEach
    void close() {
        mongo.close();
    }

    private void storedBefore(String accessId, String purpose) {
        mongo.template().getCollection(AccessEntry.COLLECTION).insertOne(new Document("_id", accessId).append("schoolId", "school-a")
                .append("personId", "dir-a").append("role", "PRINCIPAL").append("kind", "DOSSIER").append("what", "dossier")
                .append("recordId", "case-1").append("purpose", purpose).append("at", new Date()));
    }

    @Test
    void aPurposeTypedInTheReadersOwnWordsIsForgottenWhenTheReadModelStartsAndReadsAsOther() {
        storedBefore("a-1", "zorgoverleg over Sanne Jansen");
        storedBefore("a-2", "AUDIT");
        storedBefore("a-3", null);

        model.prepareStorage();

        assertThat(mongo.template().findById("a-1", AccessEntry.class).purpose()).isEqualTo(AccessPurpose.OTHER);
        assertThat(mongo.template().findById("a-1", AccessEntry.class).why()).isEqualTo("overig");
        assertThat(mongo.template().findById("a-2", AccessEntry.class).purpose()).isEqualTo(AccessPurpose.AUDIT);
        assertThat(mongo.template().findById("a-3", AccessEntry.class).purpose()).isNull();
        mongo.template().getCollection(AccessEntry.COLLECTION).find()
                .forEach(document -> assertThat(document.toJson()).doesNotContain("Sanne"));
    }
}
