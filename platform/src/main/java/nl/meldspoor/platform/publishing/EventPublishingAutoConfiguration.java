package nl.meldspoor.platform.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
import org.springframework.util.function.SingletonSupplier;

/**
 * Every write service publishes its stored events to Kafka through one tracking processor per
 * {@link PublishingLane}: {@value PublishingLane#MAIN} for its bounded context's topic, and one more per
 * topic of {@code aggregate-topics} (the case-service's staff directory), each with its own token.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"},
        after = KafkaLimitsAutoConfiguration.class)
@ConditionalOnClass({KafkaTemplate.class, ConfigurerModule.class})
@ConditionalOnProperty(prefix = "meldspoor.publishing", name = "topic")
@EnableConfigurationProperties({EventPublishingProperties.class, KafkaTopicProperties.class})
public class EventPublishingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventPublishingAutoConfiguration.class);

    @Bean
    KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate(KafkaProperties kafkaProperties, KafkaConnectionDetails connection,
                                                               ObjectProvider<SslBundles> sslBundles) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties(sslBundles.getIfAvailable()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducerBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        // Order per case and no duplicates from the producer's own retries.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // The record limit the topics state too, explicit rather than the client's default.
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meldspoor-event-publisher");
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    PublishingLanes publishingLanes(KafkaTemplate<String, byte[]> eventPublishingKafkaTemplate, KafkaAdmin kafkaAdmin,
                                    @Qualifier("eventSerializer") Serializer eventSerializer,
                                    EventPublishingProperties properties, KafkaTopicProperties topicProperties, MeterRegistry meters) {
        EventRecords records = new EventRecords(eventSerializer, properties);
        TopicProvisioner topics = new TopicProvisioner(kafkaAdmin, properties, topicProperties);
        List<PublicationStatus> statuses = PublishingLane.of(properties).stream()
                .map(lane -> new PublicationStatus(lane, Clock.systemUTC(), meters))
                .toList();
        List<KafkaEventPublisher> publishers = statuses.stream()
                .map(status -> new KafkaEventPublisher(status.lane(), eventPublishingKafkaTemplate, records, topics, properties, status, meters))
                .toList();
        return new PublishingLanes(publishers, statuses);
    }

    @Bean
    HealthContributor eventPublishingHealthContributor(PublishingLanes lanes) {
        return lanes.health();
    }

    /**
     * Per lane one thread, one segment: events are published in the event store's order, so the order per
     * aggregate holds. A failure stops the lane's processor at its token; Axon retries with back-off from
     * 1 s doubling to 60 s, so a refused record is no tight loop. The handlers are looked up lazily: Axon's
     * configuration is built before the serializer bean they need. A batch a lane only passes over stores its token
     * at most once a {@code passed-over-token-interval} ({@link LaneTokenStore}).
     */
    @Bean
    ConfigurerModule kafkaPublisherProcessors(EventPublishingProperties properties, ObjectProvider<PublishingLanes> lanes) {
        // looked up once, when a lane first needs them, not for every event each lane reads
        SingletonSupplier<PublishingLanes> publishers = SingletonSupplier.of(lanes::getObject);
        return configurer -> {
            configurer.eventProcessing(processing -> {
                for (PublishingLane lane : PublishingLane.of(properties)) {
                    String group = lane.processingGroup();
                    processing.registerEventHandler(config -> publishers.obtain().publisherOf(group))
                            .assignHandlerInstancesMatching(group, Integer.MAX_VALUE,
                                    handler -> handler instanceof KafkaEventPublisher publisher && publisher.lane().equals(lane))
                            .registerTrackingEventProcessor(group, Configuration::eventStore,
                                    config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(properties.batchSize()))
                            .registerListenerInvocationErrorHandler(group, config -> PropagatingErrorHandler.instance())
                            .registerTokenStore(group, config -> new LaneTokenStore(config.getComponent(TokenStore.class),
                                    event -> publishers.obtain().publisherOf(group).carries(event), properties.passedOverTokenInterval(), System::nanoTime));
                }
            });
            configurer.onInitialize(config -> config.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, () ->
                    PublishingLane.of(properties).stream().filter(lane -> !lane.isMain()).forEach(lane -> startWhereTheMainLaneIs(config, lane))));
        };
    }

    /**
     * A lane added to an existing database starts where the main processor stands: every event before that
     * has been published already (by the main processor, which used to carry all topics). Done before any
     * processor starts, so the main lane cannot have passed over this lane's events first. Without a main
     * token (a new database) or when another replica holds it, the lane starts at the beginning and
     * publishes its events once more — consumers deduplicate.
     */
    private static void startWhereTheMainLaneIs(Configuration config, PublishingLane lane) {
        startWhereTheMainLaneIs(lane.processingGroup(), config.eventProcessingConfiguration().tokenStore(lane.processingGroup()),
                config.eventProcessingConfiguration().tokenStore(PublishingLane.MAIN),
                config.getComponent(TransactionManager.class, NoTransactionManager::instance));
    }

    static void startWhereTheMainLaneIs(String name, TokenStore tokens, TokenStore mainTokens, TransactionManager transactions) {
        try {
            transactions.executeInTransaction(() -> {
                if (tokens.fetchSegments(name).length > 0) {
                    return;
                }
                TrackingToken start;
                try {
                    start = mainTokens.fetchToken(PublishingLane.MAIN, 0);
                    log.info("Publishing lane {} starts where {} stands: {}", name, PublishingLane.MAIN, start);
                } catch (UnableToClaimTokenException noMainToken) {
                    start = null;
                    log.info("Publishing lane {} starts at the beginning of the event store: {}", name, noMainToken.getMessage());
                }
                tokens.initializeTokenSegments(name, 1, start);
            });
        } catch (RuntimeException e) {
            // another replica initialised it at the same moment; the processor finds its token
            log.warn("Could not initialise the token of publishing lane {}: {}", name, e.toString());
        }
    }
}
