package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How many records a read model's consumer takes per poll: bound from the configuration, bounded, given to Kafka. */
class PollRecordsTest {

    private static ReportingProperties bound(Map<String, String> configuration) {
        return new Binder(new MapConfigurationPropertySource(configuration))
                .bindOrCreate("meldspoor.reporting", ReportingProperties.class);
    }

    @Test
    void aReadModelsConsumerTakesUpToTwoThousandRecordsPerPollUnlessConfiguredOtherwise() {
        assertThat(ReadModelContainers.consumerProperties(bound(Map.of())))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        assertThat(ReadModelContainers.consumerProperties(bound(Map.of("meldspoor.reporting.poll-records", "300"))))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "300");
    }

    @Test
    void aPollOfNoRecordsOrOfMoreThanTenThousandIsRefusedAtStartup() {
        for (String refused : new String[] {"0", "-1", "10001"}) {
            assertThatThrownBy(() -> bound(Map.of("meldspoor.reporting.poll-records", refused)))
                    .isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("meldspoor.reporting.poll-records must be between 1 and 10000");
        }
        assertThat(bound(Map.of("meldspoor.reporting.poll-records", "10000")).pollRecords()).isEqualTo(10_000);
    }
}
