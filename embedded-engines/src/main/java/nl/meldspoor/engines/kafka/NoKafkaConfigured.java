package nl.meldspoor.engines.kafka;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external Kafka was configured (also not as SPRING_KAFKA_BOOTSTRAP_SERVERS). */
class NoKafkaConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String servers = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
        return servers == null || servers.isBlank();
    }
}
