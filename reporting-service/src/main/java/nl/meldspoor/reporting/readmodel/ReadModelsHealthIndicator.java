package nl.meldspoor.reporting.readmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} shows, per read model, the position it has applied on each partition, its lag,
 * any rebuild, and the aggregates whose documents wait for a missing event ({@code incomplete}: which,
 * which events are missing, since when). A waiting aggregate makes the read models DOWN: its dossier
 * stops short until an administrator replays the missing event from the dead-letter topic.
 */
@Component("readModels")
public class ReadModelsHealthIndicator extends AbstractHealthIndicator {

    private final ReadModelContainers containers;
    private final ReadModelPositions positions;
    private final ReadModelRebuilds rebuilds;
    private final ConsumerLag lag;

    public ReadModelsHealthIndicator(ReadModelContainers containers, ReadModelPositions positions, ReadModelRebuilds rebuilds, ConsumerLag lag) {
        this.containers = containers;
        this.positions = positions;
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (String readModel : containers.readModels().keySet()) {
            Map<String, Object> details = new LinkedHashMap<>();
            Map<String, Object> applied = new TreeMap<>();
            positions.of(containers.servingConsumer(readModel)).forEach(position -> applied.put(position.topic() + "-" + position.partition(),
                    Map.of("offset", position.offset(), "lastRecordedAt", String.valueOf(position.lastRecordedAt()))));
            details.put("position", applied);
            Map<String, Long> behind = new TreeMap<>();
            lag.of(readModel).forEach((partition, records) -> behind.put(partition.toString(), records));
            details.put("lag", behind);
            rebuilds.status(readModel).ifPresent(rebuild -> details.put("rebuild", rebuild));
            List<IncompleteAggregate> incomplete = containers.readModels().get(readModel).incompleteAggregates();
            if (!incomplete.isEmpty()) {
                details.put("incomplete", incomplete);
                builder.down();
            }
            builder.withDetail(readModel, details);
        }
        if (lag.lastError() != null) {
            builder.withDetail("lagMeasurement", lag.lastError());
        }
    }
}
