package nl.meldspoor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The services' executable jars as the build left them in each module's {@code target}. */
final class ServiceJars {

    private static final Path ROOT = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();

    private ServiceJars() {
    }

    static Path executable(String service) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(service).resolve("target"))) {
            return files.filter(file -> file.getFileName().toString().matches(service + "-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No executable jar of " + service + ": build it first (./mvnw -DskipTests package)"));
        }
    }
}
