package nl.meldspoor.platform.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import nl.meldspoor.platform.consuming.web.DeadLetterEndpoints;
import nl.meldspoor.platform.security.StaffAdministrators;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.ClassUtils;

/** Reading the published events back from Kafka, for every service that consumes them. */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        afterName = {"org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
                "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
                "nl.meldspoor.platform.security.SecurityAutoConfiguration"})
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(ConsumingProperties.class)
public class ConsumingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PublishedEvents publishedEvents(ObjectMapper objectMapper) {
        return new PublishedEvents(objectMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    StoredEvents storedEvents(ObjectMapper objectMapper) {
        return new StoredEvents(objectMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerRetries consumerRetries(ObjectProvider<MeterRegistry> meters, ConsumingProperties properties, ObjectProvider<Clock> clock) {
        return new ConsumerRetries(meters.getIfAvailable(SimpleMeterRegistry::new), properties.unhealthyAfterAttempts(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(ConsumerRetries retries, ConsumingProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new DeadLetters(retries, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean(name = "consumersHealthIndicator")
    ConsumersHealthIndicator consumersHealthIndicator(ConsumerRetries retries) {
        return new ConsumersHealthIndicator(retries);
    }

    /**
     * Where the replays are recorded: the service's PostgreSQL if it has one, else its MongoDB. Each store
     * is looked up through its own class, so that a service without JDBC or MongoDB never loads them.
     */
    @Bean
    @ConditionalOnMissingBean
    ReplayedDeadLetters replayedDeadLetters(ApplicationContext context) {
        ClassLoader loader = getClass().getClassLoader();
        if (ClassUtils.isPresent("org.springframework.jdbc.core.JdbcTemplate", loader)) {
            ReplayedDeadLetters jdbc = JdbcReplayedDeadLetters.in(context);
            if (jdbc != null) {
                return jdbc;
            }
        }
        if (ClassUtils.isPresent("org.springframework.data.mongodb.core.MongoTemplate", loader)) {
            ReplayedDeadLetters mongo = MongoReplayedDeadLetters.in(context);
            if (mongo != null) {
                return mongo;
            }
        }
        return new InMemoryReplayedDeadLetters();
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplays deadLetterReplays(ConsumerFactory<?, ?> consumerFactory, ObjectProvider<ReplayableConsumer> consumers,
                                        ObjectProvider<ReplayableConsumers> consumerGroups, ReplayedDeadLetters replayed,
                                        ConsumingProperties properties, ObjectProvider<Clock> clock) {
        return new DeadLetterReplays(consumerFactory.getConfigurationProperties(), consumers, consumerGroups, replayed,
                properties.replayReadTimeout(), clock.getIfAvailable(Clock::systemUTC));
    }

    /** The administrators' API over the dead letters, in every service that consumes and has a web API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class DeadLetterAdministration {

        @Bean
        @ConditionalOnBean(StaffAdministrators.class)
        DeadLetterEndpoints deadLetterEndpoints(DeadLetterReplays replays, StaffAdministrators administrators) {
            return new DeadLetterEndpoints(replays, administrators);
        }
    }
}
