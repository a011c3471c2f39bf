package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.junit.jupiter.api.Test;

/**
 * The staff lane that appears in an existing database takes over where the one publisher that used to
 * carry every topic stands, so no staff event is skipped and none published again; a new database starts
 * at the beginning. Done before the processors start, so the main lane cannot pass over staff events first.
 */
class PublishingLaneStartTest {

    private static final String STAFF_LANE = PublishingLane.MAIN + "-meldspoor.staff";

    private final InMemoryTokenStore tokens = new InMemoryTokenStore();

    @Test
    void aNewLaneInAnExistingDatabaseStartsWhereTheMainPublisherStands() {
        tokens.initializeTokenSegments(PublishingLane.MAIN, 1, new GlobalSequenceTrackingToken(41));

        EventPublishingAutoConfiguration.startWhereTheMainLaneIs(STAFF_LANE, tokens, tokens, NoTransactionManager.instance());

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void aNewLaneInANewDatabaseStartsAtTheBeginning() {
        EventPublishingAutoConfiguration.startWhereTheMainLaneIs(STAFF_LANE, tokens, tokens, NoTransactionManager.instance());

        assertThat(tokens.fetchSegments(STAFF_LANE)).containsExactly(0);
        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isNull();
    }

    @Test
    void aLaneThatHasATokenKeepsIt() {
        tokens.initializeTokenSegments(PublishingLane.MAIN, 1, new GlobalSequenceTrackingToken(90));
        tokens.initializeTokenSegments(STAFF_LANE, 1, new GlobalSequenceTrackingToken(95));

        EventPublishingAutoConfiguration.startWhereTheMainLaneIs(STAFF_LANE, tokens, tokens, NoTransactionManager.instance());

        assertThat(tokens.fetchToken(STAFF_LANE, 0)).isEqualTo(new GlobalSequenceTrackingToken(95));
    }

    @Test
    void theMainTopicKeepsTheProcessorNameOfExistingDatabasesAndEveryOtherTopicGetsALane() {
        EventPublishingProperties properties = new EventPublishingProperties(null, "meldspoor.case-events", "MeldcodeCase",
                null, null, null, Duration.ofSeconds(5), Map.of("StaffMember", "meldspoor.staff"), null);

        assertThat(PublishingLane.of(properties)).containsExactly(
                new PublishingLane("kafka-publisher", "meldspoor.case-events"),
                new PublishingLane(STAFF_LANE, "meldspoor.staff"));
        assertThat(PublishingLane.of(properties).get(1).carries("StaffMember", properties)).isTrue();
        assertThat(PublishingLane.of(properties).get(1).carries("MeldcodeCase", properties)).isFalse();
        assertThat(PublishingLane.of(properties).get(0).carries("MeldcodeCase", properties)).isTrue();
        assertThat(PublishingLane.of(properties).get(0).carries(null, properties)).isTrue();
    }
}
