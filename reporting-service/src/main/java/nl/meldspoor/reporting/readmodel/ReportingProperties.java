package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.util.List;
import nl.meldspoor.api.common.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param caseEventsTopic   the case-service's events (meldcode cases)
 * @param signalEventsTopic the signal-service's events (pupil files and incidents)
 * @param partitions        partitions of a topic, when this service has to create it
 * @param replicationFactor replicas of a topic, when this service has to create it
 * @param rebuildOnStartup  read models to drop and rebuild from offset 0 when the service starts
 * @param lagInterval       how often the consumer lag is measured
 * @param switchInterval    how often each replica looks whether a rebuilt generation has caught up (and switches to it),
 *                          and which generations it should be consuming
 */
@ConfigurationProperties("meldspoor.reporting")
public record ReportingProperties(
        String caseEventsTopic,
        String signalEventsTopic,
        Integer partitions,
        Short replicationFactor,
        List<String> rebuildOnStartup,
        Duration lagInterval,
        Duration switchInterval) {

    public ReportingProperties {
        caseEventsTopic = caseEventsTopic == null || caseEventsTopic.isBlank() ? Topics.CASE_EVENTS : caseEventsTopic;
        signalEventsTopic = signalEventsTopic == null || signalEventsTopic.isBlank() ? Topics.SIGNAL_EVENTS : signalEventsTopic;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        rebuildOnStartup = rebuildOnStartup == null ? List.of() : List.copyOf(rebuildOnStartup);
        lagInterval = lagInterval == null ? Duration.ofSeconds(10) : lagInterval;
        switchInterval = switchInterval == null ? Duration.ofSeconds(1) : switchInterval;
    }

    /** Both event topics: what a read model reads unless it needs only one context's events. */
    public List<String> eventTopics() {
        return List.of(caseEventsTopic, signalEventsTopic);
    }

    public static String groupId(String readModel) {
        return "reporting." + readModel;
    }
}
