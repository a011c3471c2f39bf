package nl.meldspoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The staff directory follows grants and revocations at once, even where the service's consumers wait for a batch. */
class StaffDirectoryConsumerTest {

    @Test
    void theDirectoryFetchesEveryGrantAtOnceWithoutAGroupWhateverTheServicesConsumersBatch() {
        Map<String, Object> service = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16 * 1024, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50,
                ConsumerConfig.GROUP_ID_CONFIG, "reporting", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        Map<String, Object> directory = SecurityAutoConfiguration.staffDirectoryConsumer(service);

        assertThat(directory).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1)
                .doesNotContainKeys(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }
}
