package nl.meldspoor.platform.publishing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The publishers of a service, one per {@link PublishingLane}, with their status. */
public final class PublishingLanes {

    private final Map<String, KafkaEventPublisher> publishers = new LinkedHashMap<>();
    private final Map<String, PublicationStatus> statuses = new LinkedHashMap<>();

    PublishingLanes(List<KafkaEventPublisher> publishers, List<PublicationStatus> statuses) {
        publishers.forEach(publisher -> this.publishers.put(publisher.lane().processingGroup(), publisher));
        statuses.forEach(status -> this.statuses.put(status.lane().processingGroup(), status));
    }

    KafkaEventPublisher publisherOf(String processingGroup) {
        return publishers.get(processingGroup);
    }

    public PublicationStatus statusOf(String processingGroup) {
        return statuses.get(processingGroup);
    }

    /** {@code /actuator/health/eventPublishing/<processor>}: DOWN as soon as one lane is stuck. */
    HealthContributor health() {
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>(statuses);
        return CompositeHealthContributor.fromMap(indicators);
    }
}
