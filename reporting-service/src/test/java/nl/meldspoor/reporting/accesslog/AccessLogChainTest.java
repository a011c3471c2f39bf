package nl.meldspoor.reporting.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/** Each school's access entries of a day form a hash chain: a later change to the stored log is found. */
class AccessLogChainTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Instant MORNING = Instant.parse("2026-11-30T08:15:00.123456Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final AccessLogChain chain = new AccessLogChain(mongo.template());
    private final AccessLogReadModel model = new AccessLogReadModel(mongo.template(),
            (MongoMappingContext) mongo.template().getConverter().getMappingContext(), chain);

    @BeforeEach
    void storage() {
        model.prepareStorage();
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    private void viewed(String accessId, String schoolId, Instant at) {
        RecordViewed viewed = new RecordViewed(accessId, schoolId, new Actor("dir-carla", Role.PRINCIPAL), at, RecordKind.DOSSIER,
                "case-1", AccessPurpose.AUDIT);
        model.apply(new PublishedEvent(accessId, "RecordViewed", "2", schoolId, 0, at, viewed, "{}"));
    }

    private void fiveReadsAtSchoolA() {
        for (int i = 0; i < 5; i++) {
            viewed("a-" + i, "school-a", MORNING.plusSeconds(60L * i));
        }
    }

    @Test
    void aSchoolsDayOfReadsFormsAValidChainSeparateFromOtherSchoolsAndDays() {
        fiveReadsAtSchoolA();
        viewed("b-0", "school-b", MORNING);
        viewed("a-next-day", "school-a", MORNING.plusSeconds(86_400));
        // The evening in Amsterdam after 23:00 UTC is already the next school day.
        viewed("a-late", "school-a", Instant.parse("2026-11-30T23:30:00Z"));

        AccessLogChain.DayVerification day = chain.verify("school-a", DAY);

        assertThat(day.valid()).isTrue();
        assertThat(day.entries()).isEqualTo(5);
        assertThat(day.firstBrokenSequence()).isNull();
        assertThat(chain.verify("school-b", DAY).entries()).isEqualTo(1);
        assertThat(chain.verify("school-a", DAY.plusDays(1))).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 2L);
    }

    @Test
    void aReadDeliveredAgainDoesNotExtendTheChain() {
        fiveReadsAtSchoolA();
        viewed("a-2", "school-a", MORNING.plusSeconds(120));

        assertThat(chain.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 5L);
    }

    @Test
    void whoReadIsChangedInTheStoredLogAndTheChainBreaksThere() {
        fiveReadsAtSchoolA();
        mongo.template().getCollection(AccessEntry.COLLECTION)
                .updateOne(new Document("_id", "a-1"), new Document("$set", new Document("personId", "someone-else")));

        AccessLogChain.DayVerification day = chain.verify("school-a", DAY);

        assertThat(day.valid()).isFalse();
        assertThat(day.firstBrokenSequence()).isEqualTo(1);
    }

    @Test
    void aReadRemovedFromTheStoredLogIsFound() {
        fiveReadsAtSchoolA();
        mongo.template().getCollection(AccessEntry.COLLECTION).deleteOne(new Document("_id", "a-2"));

        AccessLogChain.DayVerification day = chain.verify("school-a", DAY);

        assertThat(day.valid()).isFalse();
        assertThat(day.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void aReadSlippedInWithAnInventedPlaceIsFound() {
        fiveReadsAtSchoolA();
        mongo.template().getCollection(AccessEntry.COLLECTION).insertOne(new Document("_id", "forged").append("schoolId", "school-a")
                .append("personId", "dir-carla").append("role", "PRINCIPAL").append("kind", "DOSSIER").append("what", "dossier")
                .append("recordId", "case-2").append("at", java.util.Date.from(MORNING)).append("chainDay", DAY.toString())
                .append("chainSequence", 5L).append("chainHash", "00".repeat(32)));

        assertThat(chain.verify("school-a", DAY).firstBrokenSequence()).isEqualTo(5);
        assertThat(mongo.template().findAll(AccessEntry.class)).extracting(AccessEntry::chainSequence).doesNotContainNull();
        assertThat(List.of(chain.verify("school-a", DAY).entries())).containsExactly(6L);
    }
}
