package nl.meldspoor.platform.publishing;

import java.util.Map;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The record limit and the replication guarantee stated on everything the services create, not left to
 * broker or client defaults: Spring Boot's producer (dead letters and other templates) sends at most
 * {@link RecordLimits#MAX_RECORD_BYTES}, and every topic declared as a bean — by any service — gets the
 * same {@code max.message.bytes} and the configured {@code min.insync.replicas}.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaTopicProperties.class)
public class KafkaLimitsAutoConfiguration {

    @Bean
    DefaultKafkaProducerFactoryCustomizer recordLimitOfBootsProducer() {
        return factory -> factory.updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, RecordLimits.MAX_RECORD_BYTES));
    }

    /**
     * Static: a post-processor is created before the configuration properties beans, so it binds them itself.
     * The settings are applied as Spring's admin collects the declared topics ({@code NewTopic} beans and the
     * topics inside {@code NewTopics} beans alike), just before it creates the missing ones; a topic that states
     * its own value keeps it.
     */
    @Bean
    static BeanPostProcessor topicSettingsOfDeclaredTopics(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    int minInsyncReplicas = Binder.get(environment).bind("meldspoor.kafka", KafkaTopicProperties.class)
                            .orElseGet(() -> new KafkaTopicProperties(null)).minInsyncReplicas();
                    admin.setCreateOrModifyTopic(topic -> {
                        ConsumedTopics.withMinInsyncReplicas(topic, minInsyncReplicas);
                        return true;
                    });
                }
                return bean;
            }
        };
    }
}
