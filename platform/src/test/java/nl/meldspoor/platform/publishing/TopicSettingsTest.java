package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import nl.meldspoor.engines.kafka.EmbeddedKafkaBroker;
import nl.meldspoor.platform.testing.Eventually;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic a service creates states the record limit and the configured {@code min.insync.replicas}
 * on the broker itself, and every producer states the same limit: described on a real (embedded) broker.
 */
class TopicSettingsTest {

    private static final String LIMIT = Integer.toString(RecordLimits.MAX_RECORD_BYTES);

    @TempDir
    static Path dataDir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder(dataDir).build();
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Configuration
    static class DeclaredTopics {
        @Bean
        NewTopic accessLog() {
            return ConsumedTopics.keptForever("test.access-log", 3, (short) 1);
        }

        @Bean
        KafkaAdmin.NewTopics consumed() {
            return ConsumedTopics.keptForever(List.of("test.consumed-events"), 3, (short) 1);
        }
    }

    private ApplicationContextRunner service(String minInsyncReplicas) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaLimitsAutoConfiguration.class, KafkaAutoConfiguration.class))
                .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "meldspoor.kafka.min-insync-replicas=" + minInsyncReplicas);
    }

    private Config describe(String topic) throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return Eventually.within(Duration.ofSeconds(30)).until(() -> admin.describeConfigs(List.of(resource)).all().get().get(resource),
                    config -> config != null);
        }
    }

    @Test
    void declaredTopicsAndTheirDeadLetterTopicsStateTheRecordLimitAndTheConfiguredInsyncReplicas() {
        service("2").withUserConfiguration(DeclaredTopics.class).run(context -> {
            assertThat(context).hasNotFailed();
            for (String topic : List.of("test.access-log", "test.consumed-events", "test.consumed-events.dlt")) {
                Config config = describe(topic);
                assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).as(topic).isEqualTo(LIMIT);
                assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).source()).as(topic)
                        .isEqualTo(org.apache.kafka.clients.admin.ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as(topic).isEqualTo("2");
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic).isEqualTo("-1");
            }
        });
    }

    @Test
    void eventTopicsCreatedByThePublisherStateTheRecordLimitAndTheConfiguredInsyncReplicas() throws Exception {
        EventPublishingProperties publishing = new EventPublishingProperties(null, "test.published-events", "Thing",
                3, (short) 1, null, Duration.ofSeconds(10), Map.of("Person", "test.people"), null);
        KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        TopicProvisioner provisioner = new TopicProvisioner(admin, publishing, new KafkaTopicProperties(2));

        provisioner.ensureTopic("test.published-events");
        provisioner.ensureTopic("test.people");

        for (String topic : List.of("test.published-events", "test.people")) {
            Config config = describe(topic);
            assertThat(config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value()).as(topic).isEqualTo(LIMIT);
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as(topic).isEqualTo("2");
        }
    }

    @Test
    void springBootsProducerStatesTheRecordLimit() {
        service("1").run(context -> {
            DefaultKafkaProducerFactory<?, ?> producers = context.getBean(DefaultKafkaProducerFactory.class);
            assertThat(producers.getConfigurationProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)).isEqualTo(RecordLimits.MAX_RECORD_BYTES);
        });
    }

    @Test
    void theInsyncReplicasDefaultToOneForTheOneBrokerEmbeddedDefault() {
        assertThat(new KafkaTopicProperties(null).minInsyncReplicas()).isEqualTo(1);
    }
}
