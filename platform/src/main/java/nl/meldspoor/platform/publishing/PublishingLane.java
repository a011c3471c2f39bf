package nl.meldspoor.platform.publishing;

import java.util.ArrayList;
import java.util.List;

/**
 * One target topic with its own tracking processor and token, so a record Kafka refuses on one topic
 * holds back only that topic's events: the case-service's role grants and revocations on
 * {@code meldspoor.staff} keep flowing while a case event is stuck, and the other way round.
 *
 * @param processingGroup the tracking processor (and its token); the main topic keeps the
 *                        {@value #MAIN} processor of existing databases
 * @param topic           the topic this lane publishes to
 */
public record PublishingLane(String processingGroup, String topic) {

    /** The processor of the service's main topic: the name, and so the token, it always had. */
    public static final String MAIN = "kafka-publisher";

    /** The main topic's lane first, then one lane per other topic of {@code aggregate-topics}. */
    public static List<PublishingLane> of(EventPublishingProperties properties) {
        List<PublishingLane> lanes = new ArrayList<>();
        lanes.add(new PublishingLane(MAIN, properties.topic()));
        properties.topics().stream()
                .filter(topic -> !topic.equals(properties.topic()))
                .forEach(topic -> lanes.add(new PublishingLane(MAIN + "-" + topic, topic)));
        return List.copyOf(lanes);
    }

    public boolean isMain() {
        return MAIN.equals(processingGroup);
    }

    /** Whether an event of this aggregate type is published by this lane. */
    boolean carries(String aggregateType, EventPublishingProperties properties) {
        return topic.equals(properties.topicOf(aggregateType));
    }
}
