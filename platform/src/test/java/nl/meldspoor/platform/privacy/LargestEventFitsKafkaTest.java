package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.constraints.Pattern;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.meldspoor.api.access.RecordViewed;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.incident.IncidentEvent;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.platform.publishing.RecordLimits;
import nl.meldspoor.platform.testing.InputBounds;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The largest event the input limits allow, sealed as the write services store and publish it, fits a
 * Kafka record with margin: below {@link RecordLimits#LARGEST_EVENT_BYTES}, half the record limit. Every
 * published event type is found by scanning the api module, so a new event is covered without editing
 * this test; a text or list of an event that declares no maximum fails it.
 */
class LargestEventFitsKafkaTest {

    private static final List<Class<?>> PUBLISHED = List.of(MeldcodeCaseEvent.class, PupilFileEvent.class,
            IncidentEvent.class, StaffEvent.class, RecordViewed.class);

    /** A three-byte UTF-8 character: the most a character in a text costs before sealing. */
    private static final char WIDEST = '€';

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(
            JacksonSerializer.builder().objectMapper(json).build(), PersonalDataSerializerTest.InMemoryKeys::new, "signal-service");

    @Test
    void theLargestSealedEventOfEveryTypeFitsAKafkaRecordWithMargin() {
        Set<Class<?>> events = publishedEventTypes();
        assertThat(events).as("published event types found in the api module").hasSizeGreaterThan(40);

        Map<Integer, String> sizes = new TreeMap<>(Comparator.reverseOrder());
        List<String> tooLarge = new ArrayList<>();
        List<String> unbounded = new ArrayList<>();
        for (Class<?> event : events) {
            Object largest;
            try {
                largest = largest(event, event.getSimpleName());
            } catch (AssertionError noLimit) {
                unbounded.add(noLimit.getMessage());
                continue;
            }
            int bytes = serializer.serialize(largest, byte[].class).getData().length;
            sizes.merge(bytes, event.getSimpleName(), (a, b) -> a + ", " + b);
            if (bytes >= RecordLimits.LARGEST_EVENT_BYTES) {
                tooLarge.add(event.getSimpleName() + ": " + bytes + " bytes");
            }
        }

        assertThat(unbounded).as("texts and lists of events without a maximum").isEmpty();
        Map.Entry<Integer, String> top = sizes.entrySet().iterator().next();
        System.out.printf("Largest sealed event: %s, %d bytes (%.0f%% of the %d allowed); %d event types checked%n",
                top.getValue(), top.getKey(), 100.0 * top.getKey() / RecordLimits.LARGEST_EVENT_BYTES,
                RecordLimits.LARGEST_EVENT_BYTES, events.size());
        assertThat(tooLarge).as("events whose largest sealed form reaches %d bytes", RecordLimits.LARGEST_EVENT_BYTES).isEmpty();
    }

    static Set<Class<?>> publishedEventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent() && definition.getMetadata().isConcrete();
            }
        };
        PUBLISHED.forEach(type -> scanner.addIncludeFilter(new AssignableTypeFilter(type)));
        Set<Class<?>> events = new LinkedHashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("nl.meldspoor.api")) {
            events.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), LargestEventFitsKafkaTest.class.getClassLoader()));
        }
        return events;
    }

    /** The record with every text at its maximum length and every list at its maximum number of largest items. */
    private static Object largest(Class<?> type, String path) {
        if (!type.isRecord()) {
            throw new AssertionError(path + ": " + type.getName() + " is not a record; cannot tell how large it may be");
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            String at = path + "." + component.getName();
            Class<?> componentType = component.getType();
            if (componentType == String.class) {
                values[i] = text(at, component.getName(), InputBounds.maxLength(component), component.isAnnotationPresent(Pattern.class)
                        || component.getAnnotatedType().isAnnotationPresent(Pattern.class));
            } else if (Collection.class.isAssignableFrom(componentType)) {
                values[i] = items(component, at);
            } else {
                values[i] = scalar(componentType, at);
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Cannot build the largest " + path, e);
        }
    }

    private static Object items(RecordComponent component, String at) {
        OptionalInt max = InputBounds.maxItems(component);
        if (max.isEmpty()) {
            throw new AssertionError(at + " is a list without a maximum number of items: declare @Size(max = Limits.…)");
        }
        AnnotatedType element = InputBounds.elementType(component);
        Class<?> elementType = element.getType() instanceof Class<?> c ? c : null;
        if (elementType == null) {
            throw new AssertionError(at + ": unsupported element type " + element.getType());
        }
        if (elementType.isEnum()) {
            return Set.class.isAssignableFrom(component.getType())
                    ? Set.of(elementType.getEnumConstants())
                    : java.util.Collections.nCopies(max.getAsInt(), scalar(elementType, at + "[]"));
        }
        List<Object> list = new ArrayList<>();
        for (int n = 0; n < max.getAsInt(); n++) {
            Object item = elementType == String.class
                    ? text(at + "[]", component.getName(), InputBounds.maxLength(element, null), element.isAnnotationPresent(Pattern.class)) + n
                    : elementType.isRecord() ? largest(elementType, at + "[" + n + "]") : scalar(elementType, at + "[]");
            list.add(item);
        }
        return Set.class.isAssignableFrom(component.getType()) ? new LinkedHashSet<>(list) : list;
    }

    /**
     * A text at its maximum: a pattern-bound identifier in ASCII (its format allows nothing else), any
     * other text in three-byte characters. An id or reference of an event that does not declare its
     * format yet counts as an identifier ({@link Limits#IDENTIFIER}); free text must declare a maximum.
     */
    private static String text(String at, String name, OptionalInt max, boolean patterned) {
        if (max.isEmpty()) {
            if (name.endsWith("Id") || name.endsWith("Ref") || name.equals("scope")) {
                return "x".repeat(Limits.IDENTIFIER);
            }
            throw new AssertionError(at + " is a text without a maximum: declare @Size(max = Limits.…) or an identifier @Pattern");
        }
        return String.valueOf(patterned ? 'x' : WIDEST).repeat(max.getAsInt());
    }

    private static Object scalar(Class<?> type, String at) {
        if (type.isEnum()) {
            return Arrays.stream(type.getEnumConstants()).max(Comparator.comparingInt(constant -> constant.toString().length())).orElseThrow();
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.MIN_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return Long.MIN_VALUE;
        }
        if (type == double.class || type == Double.class) {
            return -Double.MIN_NORMAL; // "-2.2250738585072014E-308": as long as a double's text gets
        }
        if (type == Instant.class) {
            return Instant.parse("2026-12-31T23:59:59.999999999Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 31);
        }
        if (type == Period.class) {
            return Period.of(99, 11, 30);
        }
        if (type == Duration.class) {
            return Duration.ofDays(999).plusNanos(999_999_999);
        }
        if (type == UUID.class) {
            return UUID.randomUUID();
        }
        if (type.isRecord()) {
            return largest(type, at);
        }
        throw new AssertionError(at + ": cannot tell how large a " + type.getName() + " may be");
    }
}
