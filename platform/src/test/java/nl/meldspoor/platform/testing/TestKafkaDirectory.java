package nl.meldspoor.platform.testing;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh data directory under {@code target/} for the embedded Kafka broker of one Spring test context. Without it
 * the broker takes the service's default ({@code data/<service>/kafka}, kept across runs in the module directory):
 * a second context of the same service in the test JVM (Spring keeps earlier contexts alive in its cache) then fails
 * to start its broker on that directory's lock, and a run inherits the topics and offsets of the runs before it.
 */
public final class TestKafkaDirectory {

    private TestKafkaDirectory() {
    }

    public static void registerFresh(DynamicPropertyRegistry registry, String name) {
        String directory = Path.of("target", "embedded-kafka-" + name + "-" + UUID.randomUUID()).toString();
        registry.add("meldspoor.embedded.kafka.data-directory", () -> directory);
    }
}
