package nl.meldspoor.reporting.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldspoor.api.access.AccessPurpose;
import nl.meldspoor.api.access.RecordKind;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The day's last link is kept in a head per school and day, read and moved by its id alone (mongo-java-server serves
 * no other condition by an index), and the chain is the one the log itself gave: after an upgrade from a log without
 * heads, on redelivery, when an applier stopped half-way, with two appliers at once, and after a rebuild.
 */
class AccessLogChainHeadTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Instant MORNING = Instant.parse("2026-11-30T08:15:00.123Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    /** Every query's filter (of a find, an update, a count or an aggregation's first stage), as sent. */
    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private final MongoClient listened = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(mongo.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    switch (event.getCommandName()) {
                        case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                        case "count" -> filters.add(command.getDocument("query", new BsonDocument()).clone());
                        case "update", "delete" -> command.getArray(event.getCommandName() + "s")
                                .forEach(statement -> filters.add(statement.asDocument().getDocument("q").clone()));
                        case "aggregate" -> command.getArray("pipeline").stream().limit(1)
                                .forEach(stage -> filters.add(stage.asDocument().getDocument("$match", new BsonDocument()).clone()));
                        default -> {
                        }
                    }
                }
            }).build());
    private final MongoTemplate template = new MongoTemplate(listened, "test");
    private final AccessLogChain chain = new AccessLogChain(template);
    private final AccessLogReadModel model = model(chain);

    @AfterEach
    void close() {
        listened.close();
        mongo.close();
    }

    private AccessLogReadModel model(AccessLogChain itsChain) {
        return new AccessLogReadModel(template, (MongoMappingContext) template.getConverter().getMappingContext(), itsChain);
    }

    private static PublishedEvent viewed(String accessId, String schoolId, Instant at) {
        RecordViewed viewed = new RecordViewed(accessId, schoolId, new Actor("dir-carla", Role.PRINCIPAL), at, RecordKind.DOSSIER,
                "case-1", AccessPurpose.AUDIT);
        return new PublishedEvent(accessId, "RecordViewed", "2", schoolId, 0, at, viewed, "{}");
    }

    private void apply(String accessId, String schoolId, Instant at) {
        model.apply(viewed(accessId, schoolId, at));
    }

    private List<AccessEntry> dayOf(String schoolId, LocalDate day) {
        return mongo.template().find(Query.query(Criteria.where("schoolId").is(schoolId).and("chainDay").is(day.toString()))
                .with(Sort.by("chainSequence")), AccessEntry.class);
    }

    private AccessChainHead head(String schoolId, LocalDate day) {
        return mongo.template().findById(AccessChainHead.idOf(schoolId, day.toString()), AccessChainHead.class);
    }

    @Test
    void everyReadRecordedReadsAndMovesTheChainByIdAlone() {
        model.prepareStorage();
        filters.clear();

        for (int i = 0; i < 20; i++) {
            apply("a-" + i, "school-a", MORNING.plusSeconds(60L * i));
            apply("b-" + i, "school-b", MORNING.plusSeconds(60L * i));
            apply("a-next-" + i, "school-a", MORNING.plusSeconds(86_400 + 60L * i));
        }
        apply("a-3", "school-a", MORNING.plusSeconds(180));
        List<BsonDocument> appending = List.copyOf(filters);

        assertThat(appending).isNotEmpty().allSatisfy(filter -> assertThat(filter.keySet()).as("filter %s", filter)
                .contains("_id").isSubsetOf(Set.of("_id", "sequence")));
        assertThat(chain.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 20L);
        assertThat(chain.verify("school-a", DAY.plusDays(1)).entries()).isEqualTo(20);
        assertThat(chain.verify("school-b", DAY).valid()).isTrue();
        assertThat(head("school-a", DAY)).extracting(AccessChainHead::sequence, h -> h.entry().accessId()).containsExactly(19L, "a-19");
        assertThat(head("school-a", DAY).entry().chainHash()).isEqualTo(chain.verify("school-a", DAY).headHash());
    }

    @Test
    void aLogStoredBeforeHeadsIsChainedOnFromItsLastEntryReadOnceFromTheLog() {
        model.prepareStorage();
        for (int i = 0; i < 3; i++) {
            apply("a-" + i, "school-a", MORNING.plusSeconds(60L * i));
        }
        apply("b-0", "school-b", MORNING);
        // as a log stored by the version before heads: the entries, chained, and no heads
        mongo.template().dropCollection(AccessChainHead.COLLECTION);
        AccessLogChain upgraded = new AccessLogChain(template);
        AccessLogReadModel upgradedModel = model(upgraded);
        upgradedModel.prepareStorage();
        filters.clear();

        upgradedModel.apply(viewed("a-3", "school-a", MORNING.plusSeconds(180)));
        upgradedModel.apply(viewed("a-4", "school-a", MORNING.plusSeconds(240)));
        upgradedModel.apply(viewed("a-next-0", "school-a", MORNING.plusSeconds(86_400)));
        upgradedModel.apply(viewed("a-2", "school-a", MORNING.plusSeconds(120)));
        List<BsonDocument> appending = List.copyOf(filters);

        assertThat(upgraded.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 5L);
        assertThat(dayOf("school-a", DAY)).extracting(AccessEntry::accessId).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4");
        assertThat(head("school-a", DAY).sequence()).isEqualTo(4);
        assertThat(upgraded.verify("school-a", DAY.plusDays(1))).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 1L);
        assertThat(appending).as("the log is read for its last entry once, for the day stored before heads")
                .filteredOn(filter -> filter.containsKey("schoolId")).hasSize(1)
                .allSatisfy(filter -> assertThat(filter.getString("chainDay").getValue()).isEqualTo(DAY.toString()));
        assertThat(head("school-b", DAY)).isNull();
    }

    @Test
    void aReadWhoseApplierStoppedAfterClaimingItsPlaceKeepsThatPlace() {
        model.prepareStorage();
        for (int i = 0; i < 5; i++) {
            apply("a-" + i, "school-a", MORNING.plusSeconds(60L * i));
        }
        // the applier of a-4 moved the head and stopped before storing the entry
        mongo.template().getCollection(AccessEntry.COLLECTION).deleteOne(new Document("_id", "a-4"));

        apply("a-4", "school-a", MORNING.plusSeconds(240));

        assertThat(chain.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 5L);
    }

    @Test
    void theNextReadStoresTheEntryAnApplierThatStoppedClaimedBeforeTakingThePlaceAfterIt() {
        model.prepareStorage();
        for (int i = 0; i < 5; i++) {
            apply("a-" + i, "school-a", MORNING.plusSeconds(60L * i));
        }
        mongo.template().getCollection(AccessEntry.COLLECTION).deleteOne(new Document("_id", "a-4"));

        apply("a-5", "school-a", MORNING.plusSeconds(300));
        apply("a-4", "school-a", MORNING.plusSeconds(240));

        assertThat(chain.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 6L);
        assertThat(dayOf("school-a", DAY)).extracting(AccessEntry::accessId).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4", "a-5");
    }

    @Test
    void twoReplicasApplyingOneSchoolDayAtOnceDoNotForkTheChain() throws Exception {
        model.prepareStorage();
        AccessLogReadModel otherReplica = model(new AccessLogChain(template));
        otherReplica.prepareStorage();
        ExecutorService appliers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (AccessLogReadModel replica : List.of(model, otherReplica)) {
                String prefix = replica == model ? "first-" : "second-";
                done.add(appliers.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        replica.apply(viewed(prefix + i, "school-a", MORNING.plusSeconds(i)));
                        // both deliver some of the same reads as well, as a partition moving between them does
                        replica.apply(viewed("both-" + i, "school-a", MORNING.plusSeconds(i)));
                    }
                }));
            }
            for (Future<?> applied : done) {
                applied.get();
            }
        } finally {
            appliers.shutdownNow();
        }

        assertThat(dayOf("school-a", DAY)).extracting(AccessEntry::chainSequence).as(dayOf("school-a", DAY).toString())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 180).boxed().toList());
        assertThat(chain.verify("school-a", DAY)).extracting(AccessLogChain.DayVerification::valid,
                AccessLogChain.DayVerification::entries).containsExactly(true, 180L);
        assertThat(head("school-a", DAY).sequence()).isEqualTo(179);
    }

    @Test
    void aRebuildFromOffsetZeroGivesTheSameChain() {
        model.prepareStorage();
        List<PublishedEvent> log = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            log.add(viewed("a-" + i, "school-a", MORNING.plusSeconds(60L * i)));
            log.add(viewed("b-" + i, "school-b", MORNING.plusSeconds(86_400 + 60L * i)));
        }
        log.forEach(model::apply);
        List<AccessEntry> before = mongo.template().findAll(AccessEntry.class);

        model.collections().forEach(template::dropCollection);
        model.prepareStorage();
        log.forEach(model::apply);

        assertThat(mongo.template().findAll(AccessEntry.class)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(chain.verify("school-a", DAY).valid()).isTrue();
        assertThat(chain.verify("school-b", DAY.plusDays(1)).valid()).isTrue();
    }
}
