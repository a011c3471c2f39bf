package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * Every service's consumers take what arrived within 50 ms (or 16 kB) in one fetch, not a fetch per event (README,
 * *Consumers wait for a batch*): the consumer properties Spring Boot builds from the {@code application.yml} in the
 * service's executable jar.
 */
class ServiceConsumersWaitForABatchTest {

    @ParameterizedTest
    @ValueSource(strings = {"case-service", "signal-service", "reporting-service", "notification-service"})
    void aConsumerAtTheHeadWaitsUpToFiftyMillisecondsOrSixteenKilobytesForAFetch(String service) throws IOException {
        assertThat(consumerProperties(service))
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50)
                .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 16 * 1024);
    }

    private static Map<String, Object> consumerProperties(String service) throws IOException {
        byte[] applicationYml;
        try (JarFile jar = new JarFile(ServiceJars.executable(service).toFile())) {
            applicationYml = jar.getInputStream(jar.getJarEntry("BOOT-INF/classes/application.yml")).readAllBytes();
        }
        List<PropertySource<?>> yml = new YamlPropertySourceLoader().load(service, new ByteArrayResource(applicationYml));
        Binder binder = new Binder(ConfigurationPropertySources.from(yml), new PropertySourcesPlaceholdersResolver(yml));
        return binder.bindOrCreate("spring.kafka", KafkaProperties.class).buildConsumerProperties(null);
    }
}
