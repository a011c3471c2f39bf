package nl.meldspoor.engines.kafka;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Kafka broker a service starts itself when no {@code spring.kafka.bootstrap-servers} is configured.
 *
 * @param dataDirectory where the broker keeps its logs; kept across restarts
 * @param port          client port, 0 for any free port
 */
@ConfigurationProperties("meldspoor.embedded.kafka")
public record EmbeddedKafkaProperties(Path dataDirectory, int port) {
}
