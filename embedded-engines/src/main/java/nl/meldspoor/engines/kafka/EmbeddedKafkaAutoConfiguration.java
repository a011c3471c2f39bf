package nl.meldspoor.engines.kafka;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * The embedded default for Kafka: without configured bootstrap servers the service starts a real
 * single-node KRaft broker in-process, with its data under the working directory.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
// by name: only for a service that uses Kafka (this module is on the class path of every service's tests)
@ConditionalOnClass(name = {"kafka.server.KafkaRaftServer", "org.springframework.kafka.core.KafkaTemplate"})
@Conditional(NoKafkaConfigured.class)
@EnableConfigurationProperties(EmbeddedKafkaProperties.class)
public class EmbeddedKafkaAutoConfiguration {

    @Bean(destroyMethod = "stop")
    EmbeddedKafkaBroker embeddedKafkaBroker(EmbeddedKafkaProperties properties, Environment environment) {
        Path dataDirectory = properties.dataDirectory() != null
                ? properties.dataDirectory()
                : Path.of("data", environment.getProperty("spring.application.name", "meldspoor"), "kafka");
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDirectory).clientPort(properties.port()).build();
        broker.start();
        return broker;
    }

    @Bean
    KafkaConnectionDetails embeddedKafkaConnectionDetails(EmbeddedKafkaBroker embeddedKafkaBroker) {
        List<String> servers = List.of(embeddedKafkaBroker.bootstrapServers());
        return () -> servers;
    }
}
