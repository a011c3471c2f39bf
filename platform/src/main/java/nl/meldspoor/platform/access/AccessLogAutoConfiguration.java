package nl.meldspoor.platform.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The access log in every service that hands out records: its producer and its topic, kept forever. */
@AutoConfiguration(afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AccessLogAutoConfiguration {

    @Bean
    AccessLog accessLog(KafkaProperties kafkaProperties, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
                        ObjectMapper json, Clock clock, @Value("${meldspoor.access-log.timeout:10s}") Duration timeout) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties(sslBundles.getIfAvailable()));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getProducerBootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 5_000));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, nl.meldspoor.platform.publishing.RecordLimits.MAX_RECORD_BYTES);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meldspoor-access-log");
        return new AccessLog(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)), json, clock, timeout);
    }

    @Bean
    NewTopic accessLogTopic(@Value("${meldspoor.access-log.partitions:3}") int partitions,
                            @Value("${meldspoor.access-log.replication-factor:1}") short replicationFactor) {
        return ConsumedTopics.keptForever(Topics.ACCESS_LOG, partitions, replicationFactor);
    }
}
