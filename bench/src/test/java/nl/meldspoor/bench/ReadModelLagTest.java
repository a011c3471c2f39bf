package nl.meldspoor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** What the bench's waits count as not yet applied: positions hold the last applied offset, ends the next one to come. */
class ReadModelLagTest {

    private static final TopicPartition CASES_0 = new TopicPartition("meldspoor.case-events", 0);
    private static final TopicPartition CASES_1 = new TopicPartition("meldspoor.case-events", 1);
    private static final TopicPartition SIGNALS_0 = new TopicPartition("meldspoor.signal-events", 0);

    @Test
    void aPartitionAppliedUpToItsLastRecordOrEmptyDoesNotLag() {
        assertThat(ReadModelRebuild.lagging(Map.of(CASES_0, 10L, SIGNALS_0, 0L), Map.of(CASES_0, 9L))).isEmpty();
    }

    @Test
    void eachLaggingPartitionShowsTheRecordsBetweenItsPositionAndItsEnd() {
        assertThat(ReadModelRebuild.lagging(Map.of(CASES_0, 10L, CASES_1, 5L, SIGNALS_0, 3L), Map.of(CASES_0, 7L, SIGNALS_0, 2L)))
                // never positioned: all five records of partition 1
                .containsExactlyInAnyOrderEntriesOf(Map.of(CASES_0, 2L, CASES_1, 5L));
    }
}
