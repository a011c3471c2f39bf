package nl.meldspoor.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.meldspoor.platform.upcasting.PublishedLanguageUpcasters;
import org.axonframework.serialization.Revision;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Events are facts forever: the stored JSON of every event revision is pinned in a fixture file. A
 * change that alters the shape of a published event fails; the way forward is a new revision with an
 * upcaster, never an edited fixture. Run with {@code -Dcontracts.write=true} only to add the fixture
 * of a new event or revision.
 */
public final class EventContracts {

    /** Configured as Spring Boot configures the mapper that Axon's serializer uses. */
    public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .featuresToEnable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private EventContracts() {
    }

    /** Every event class has a revision and a sample that is checked against its fixture. */
    public static void assertEverySampled(Collection<Class<?>> eventClasses, Collection<?> samples) {
        Set<Class<?>> sampled = samples.stream().map(Object::getClass).collect(Collectors.toSet());
        for (Class<?> event : eventClasses) {
            assertThat(event.getAnnotation(Revision.class)).as(event.getSimpleName() + " has a @Revision").isNotNull();
            assertThat(sampled).as(event.getSimpleName() + " has a sample").contains(event);
        }
    }

    /** The sample serialises exactly to its pinned fixture, and the fixture reads back into the sample. */
    public static void assertPinned(Object sample, Path fixtures) {
        Path fixture = fixtures.resolve(sample.getClass().getSimpleName() + ".v" + sample.getClass().getAnnotation(Revision.class).value() + ".json");
        try {
            if (Boolean.getBoolean("contracts.write") && !Files.exists(fixture)) {
                Files.createDirectories(fixtures);
                Files.writeString(fixture, JSON.writeValueAsString(sample) + "\n");
            }
            assertThat(fixture).as("fixture for " + sample.getClass().getSimpleName()).exists();
            JsonNode pinned = JSON.readTree(fixture.toFile());
            assertThat((JsonNode) JSON.valueToTree(sample)).as("serialized shape of " + sample.getClass().getSimpleName()).isEqualTo(pinned);
            assertThat(JSON.treeToValue(pinned, sample.getClass())).as("fixture reads back").isEqualTo(sample);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every fixture of an earlier revision of the sample's event still reads into the current class: a
     * revision that only seals a text keeps the stored shape, so the plain JSON of before reads as it was.
     * A revision that changes the shape needs an upcaster in {@link PublishedLanguageUpcasters}: the fixture is read
     * through it, and this fails until there is one.
     *
     * @return how many earlier revisions were read
     */
    public static int assertEarlierRevisionsRead(Object sample, Path fixtures) {
        Class<?> event = sample.getClass();
        String current = event.getSimpleName() + ".v" + event.getAnnotation(Revision.class).value() + ".json";
        try (var files = Files.list(fixtures)) {
            List<Path> earlier = files.filter(file -> file.getFileName().toString().matches(java.util.regex.Pattern.quote(event.getSimpleName()) + "\\.v[^.]+\\.json"))
                    .filter(file -> !file.getFileName().toString().equals(current))
                    .toList();
            String currentRevision = event.getAnnotation(Revision.class).value();
            for (Path fixture : earlier) {
                JsonNode stored = JSON.readTree(fixture.toFile());
                String name = fixture.getFileName().toString();
                String revision = name.substring(event.getSimpleName().length() + 2, name.length() - ".json".length());
                // A step of the published language's upcasters, when there is one, brings the stored JSON to the current shape first.
                JsonNode expected = PublishedLanguageUpcasters.upcast(event.getName(), revision, currentRevision, (ObjectNode) stored.deepCopy())
                        .<JsonNode>map(upcast -> upcast)
                        .orElse(stored);
                Object read = JSON.treeToValue(expected, event);
                assertThat((JsonNode) JSON.valueToTree(read)).as(fixture.getFileName() + " reads into the current " + event.getSimpleName())
                        .isEqualTo(expected);
            }
            return earlier.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
