package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.util.List;
import nl.meldspoor.api.common.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param topics            the event topics the read models consume
 * @param partitions        partitions of a topic, when this service has to create it
 * @param replicationFactor replicas of a topic, when this service has to create it
 * @param rebuildOnStartup  read models to drop and rebuild from offset 0 when the service starts
 * @param lagInterval       how often the consumer lag is measured
 * @param switchInterval    how often each replica looks whether a rebuilt generation has caught up (and switches to it),
 *                          and which generations it should be consuming
 */
@ConfigurationProperties("meldspoor.reporting")
public record ReportingProperties(
        List<String> topics,
        Integer partitions,
        Short replicationFactor,
        List<String> rebuildOnStartup,
        Duration lagInterval,
        Duration switchInterval) {

    public ReportingProperties {
        topics = topics == null || topics.isEmpty() ? List.of(Topics.CASE_EVENTS, Topics.SIGNAL_EVENTS) : List.copyOf(topics);
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        rebuildOnStartup = rebuildOnStartup == null ? List.of() : List.copyOf(rebuildOnStartup);
        lagInterval = lagInterval == null ? Duration.ofSeconds(10) : lagInterval;
        switchInterval = switchInterval == null ? Duration.ofSeconds(1) : switchInterval;
    }

    public static String groupId(String readModel) {
        return "reporting." + readModel;
    }
}
