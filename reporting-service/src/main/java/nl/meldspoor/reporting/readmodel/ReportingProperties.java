package nl.meldspoor.reporting.readmodel;

import java.time.Duration;
import java.util.List;
import nl.meldspoor.api.common.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param caseEventsTopic   the case-service's events (meldcode cases)
 * @param signalEventsTopic the signal-service's events (pupil files and incidents)
 * @param partitions        partitions of a topic, when this service has to create it
 * @param replicationFactor replicas of a topic, when this service has to create it
 * @param rebuildOnStartup  read models to drop and rebuild from offset 0 when the service starts
 * @param lagInterval       how often the consumer lag is measured
 * @param switchInterval    how often each replica looks whether a rebuilt generation has caught up (and switches to it),
 *                          and which generations it should be consuming
 * @param pollRecords       at most this many records per poll of a read model's consumer (Kafka's {@code max.poll.records},
 *                          1 to {@value #MAX_POLL_RECORDS}, default {@value #DEFAULT_POLL_RECORDS}): a poll is applied with one
 *                          bulk write per collection, so a read model catching up (a rebuild, a replica after downtime)
 *                          writes a view, a school month or a guard once per poll where several of its events arrive
 *                          together; a read model that keeps up gets what arrived, far fewer
 * @param switchCatchUp     how long a switch waits, once the rebuilt generation has caught up with the served one's recorded
 *                          positions, for it to apply what the topics held at that moment (the served views may show a poll
 *                          whose positions are not yet recorded); a switch not reached in time is tried again at the next
 *                          interval
 */
@ConfigurationProperties("meldspoor.reporting")
public record ReportingProperties(
        String caseEventsTopic,
        String signalEventsTopic,
        Integer partitions,
        Short replicationFactor,
        List<String> rebuildOnStartup,
        Duration lagInterval,
        Duration switchInterval,
        Integer pollRecords,
        Duration switchCatchUp) {

    public static final int DEFAULT_POLL_RECORDS = 2_000;
    public static final int MAX_POLL_RECORDS = 10_000;

    @ConstructorBinding
    public ReportingProperties {
        caseEventsTopic = caseEventsTopic == null || caseEventsTopic.isBlank() ? Topics.CASE_EVENTS : caseEventsTopic;
        signalEventsTopic = signalEventsTopic == null || signalEventsTopic.isBlank() ? Topics.SIGNAL_EVENTS : signalEventsTopic;
        partitions = partitions == null ? 3 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        rebuildOnStartup = rebuildOnStartup == null ? List.of() : List.copyOf(rebuildOnStartup);
        lagInterval = lagInterval == null ? Duration.ofSeconds(10) : lagInterval;
        switchInterval = switchInterval == null ? Duration.ofSeconds(1) : switchInterval;
        pollRecords = pollRecords == null ? DEFAULT_POLL_RECORDS : pollRecords;
        switchCatchUp = switchCatchUp == null || switchCatchUp.isNegative() ? Duration.ofSeconds(5) : switchCatchUp;
        if (pollRecords < 1 || pollRecords > MAX_POLL_RECORDS) {
            throw new IllegalArgumentException("meldspoor.reporting.poll-records must be between 1 and " + MAX_POLL_RECORDS + ", not " + pollRecords);
        }
    }

    public ReportingProperties(String caseEventsTopic, String signalEventsTopic, Integer partitions, Short replicationFactor,
                               List<String> rebuildOnStartup, Duration lagInterval, Duration switchInterval) {
        this(caseEventsTopic, signalEventsTopic, partitions, replicationFactor, rebuildOnStartup, lagInterval, switchInterval, null, null);
    }

    /** Both event topics: what a read model reads unless it needs only one context's events. */
    public List<String> eventTopics() {
        return List.of(caseEventsTopic, signalEventsTopic);
    }

    public static String groupId(String readModel) {
        return "reporting." + readModel;
    }
}
