package nl.meldspoor.platform.consuming;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/** Reading the published events back from Kafka, for every service that consumes them. */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
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
}
