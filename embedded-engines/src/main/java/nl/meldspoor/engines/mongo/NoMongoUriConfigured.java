package nl.meldspoor.engines.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external MongoDB was configured (also not as SPRING_DATA_MONGODB_URI or a host). */
class NoMongoUriConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return isBlank(environment.getProperty("spring.data.mongodb.uri")) && isBlank(environment.getProperty("spring.data.mongodb.host"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
