package nl.meldspoor.platform.consuming;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code consumers}: DOWN while a consumer has been stuck on one record
 * for {@code meldspoor.consuming.unhealthy-after-attempts} attempts, with the record, the reason and since
 * when. Liveness and readiness do not include it: a consumer waiting for its database is not helped by a
 * restart, it is helped by someone looking.
 */
public class ConsumersHealthIndicator extends AbstractHealthIndicator {

    private final ConsumerRetries retries;

    public ConsumersHealthIndicator(ConsumerRetries retries) {
        this.retries = retries;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up();
        for (String consumer : retries.consumers()) {
            Map<String, Object> details = new LinkedHashMap<>();
            retries.of(consumer).ifPresentOrElse(stuck -> {
                details.put("status", retries.unhealthy(stuck) ? "STUCK" : "RETRYING");
                details.put("record", stuck.topic() + "-" + stuck.partition() + "@" + stuck.offset());
                details.put("reason", stuck.reason());
                details.put("since", stuck.since().toString());
                details.put("attempts", stuck.attempts());
                if (retries.unhealthy(stuck)) {
                    builder.down();
                }
            }, () -> details.put("status", "CONSUMING"));
            builder.withDetail(consumer, details);
        }
    }
}
