package nl.meldspoor.platform.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Every write service publishes its stored events to its bounded context's Kafka topic through the
 * {@value KafkaEventPublisher#PROCESSING_GROUP} tracking processor.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
@ConditionalOnClass({KafkaTemplate.class, ConfigurerModule.class})
@ConditionalOnProperty(prefix = "meldspoor.publishing", name = "topic")
@EnableConfigurationProperties(EventPublishingProperties.class)
public class EventPublishingAutoConfiguration {

    @Bean
    KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate(KafkaProperties kafkaProperties, KafkaConnectionDetails connection,
                                                               org.springframework.beans.factory.ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties(sslBundles.getIfAvailable()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducerBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Order per case and no duplicates from the producer's own retries.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meldspoor-event-publisher");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, KafkaAdmin kafkaAdmin,
                                            @Qualifier("eventSerializer") Serializer eventSerializer,
                                            EventPublishingProperties properties, MeterRegistry meters) {
        return new KafkaEventPublisher(eventPublishingKafkaTemplate,
                new EventRecords(eventSerializer, properties),
                new TopicProvisioner(kafkaAdmin, properties), properties, meters);
    }

    /**
     * One thread, one segment: events are published in the event store's order, so the order per
     * case holds. A failure stops the processor at its token and retries with back-off.
     */
    @Bean
    ConfigurerModule kafkaPublisherProcessor(EventPublishingProperties properties) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(KafkaEventPublisher.PROCESSING_GROUP,
                        config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance()));
    }
}
