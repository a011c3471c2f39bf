package nl.meldspoor.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.meldspoor.notifications.FakeStaffDirectory;
import nl.meldspoor.notifications.TestOrganisation;
import nl.meldspoor.notifications.alert.Alert;
import nl.meldspoor.notifications.alert.NotificationType;
import nl.meldspoor.notifications.organisation.Recipients;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A new alert claims its recipients by the claim's id alone (a look at the notifications by type, school and reference or
 * by source is a scan of them all on mongo-java-server) in a store that holds no notification from before claims existed;
 * in one that does, the notifications raised then still count as the first raising.
 */
class NotificationsClaimTest {

    private static final Instant NOW = Instant.parse("2026-11-30T08:15:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final FakeStaffDirectory directory = TestOrganisation.directory();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Recipients recipients = TestOrganisation.recipients(directory, clock);

    NotificationsClaimTest() {
        server.bind("localhost", 0);
        client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://localhost:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonDocument command = event.getCommand();
                        switch (event.getCommandName()) {
                            case "find" -> filters.add(command.getDocument("filter", new BsonDocument()).clone());
                            case "update" -> command.getArray("updates").forEach(update -> filters.add(update.asDocument().getDocument("q").clone()));
                            case "aggregate", "count" -> filters.add(new BsonDocument(event.getCommandName(), command.clone()));
                            default -> {
                            }
                        }
                    }
                }).build());
        mongo = new MongoTemplate(client, "test");
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    private Notifications notifications() {
        return new Notifications(mongo, TestOrganisation.staff(), recipients, clock, new SimpleMeterRegistry());
    }

    private Alert urgentSignal(String eventId, String signalId) {
        return new Alert(NotificationType.URGENT_SIGNAL, "event:" + eventId, "school-a", "signal-" + signalId,
                recipients.of(NotificationType.URGENT_SIGNAL, "school-a"), "Urgent signaal", "Neem nu contact op")
                .once("urgent-signal:school-a:" + signalId);
    }

    private Alert homeSituation(String eventId) {
        return new Alert(NotificationType.HOME_SITUATION_SIGNAL, "event:" + eventId, "school-a", "signal-" + eventId,
                recipients.of(NotificationType.HOME_SITUATION_SIGNAL, "school-a"), "Signaal", "Thuissituatie");
    }

    private Set<String> recipientsOf(String sourceKey) {
        return Set.copyOf(mongo.findAll(Notification.class).stream().filter(n -> n.sourceKey().equals(sourceKey))
                .map(Notification::recipientId).toList());
    }

    @Test
    void aNewAlertInANewStoreIsClaimedAndFoundAgainByIdAlone() {
        Notifications notifications = notifications();
        int raised = 0;
        for (int i = 0; i < 5; i++) {
            raised += notifications.raise(urgentSignal("e-" + i, "s-" + i));
            raised += notifications.raise(homeSituation("h-" + i));
        }
        // the same signal in a second event, and an event delivered again
        int again = notifications.raise(urgentSignal("e-case-0", "s-0")) + notifications.raise(homeSituation("h-0"));
        List<BsonDocument> raising = List.copyOf(filters);

        assertThat(raised).isPositive();
        assertThat(again).isZero();
        assertThat(mongo.findAll(Notification.class)).hasSize(raised);
        assertThat(recipientsOf("event:e-case-0")).isEmpty();
        // the one look at the notifications at all: whether the store holds any, when it first raises
        assertThat(raising).filteredOn(filter -> !filter.isEmpty()).isNotEmpty().allSatisfy(filter ->
                assertThat(filter.keySet()).as("filter %s", filter).containsExactly("_id"));
        assertThat(raising).filteredOn(BsonDocument::isEmpty).hasSize(1);
    }

    @Test
    void aStoreHoldingNotificationsFromBeforeClaimsStillCountsThemAsTheFirstRaising() {
        Notifications before = notifications();
        before.raise(urgentSignal("e-0", "s-0"));
        before.raise(homeSituation("h-0"));
        Set<String> alertedThen = recipientsOf("event:e-0");
        // as the version before claims left the store: notifications, no claims
        mongo.dropCollection(RaisedOnce.COLLECTION);
        directory.grant("ib-new", nl.meldspoor.api.common.Role.CARE_COORDINATOR, "school-a");

        Notifications upgraded = notifications();
        int raisedAgain = upgraded.raise(urgentSignal("e-case-0", "s-0")) + upgraded.raise(homeSituation("h-0"));

        assertThat(alertedThen).isNotEmpty().doesNotContain("ib-new");
        assertThat(raisedAgain).as("the signal escalated into a case, the event delivered again: nobody is alerted twice or anew").isZero();
        assertThat(mongo.findById("urgent-signal:school-a:s-0", RaisedOnce.class).recipients()).isEqualTo(alertedThen);
        assertThat(mongo.findById(Notifications.EVERY_NOTIFICATION_CLAIMED, org.bson.Document.class, RaisedOnce.COLLECTION)).isNull();
    }
}
