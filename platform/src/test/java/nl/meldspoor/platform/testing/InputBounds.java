package nl.meldspoor.platform.testing;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finds the texts and lists a message type leaves without a maximum. Every {@code String} and every
 * collection reachable from a request body (through lists, sets and nested records) must declare one:
 * {@code @Size(max = …)}, or for a String a {@code @Pattern} whose longest match is bounded. Enums, UUIDs,
 * times, numbers and booleans are bounded by their type.
 */
public final class InputBounds {

    private static final Set<Class<?>> BOUNDED_BY_TYPE = Set.of(UUID.class, Instant.class, LocalDate.class, Period.class,
            Duration.class, Boolean.class, Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
            Character.class);

    private InputBounds() {
    }

    /** The {@code @RequestBody} types of every {@code @RestController} under the given packages. */
    public static Set<Class<?>> requestBodyTypes(String... basePackages) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new LinkedHashSet<>();
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                Class<?> controller = ClassUtils.resolveClassName(candidate.getBeanClassName(), InputBounds.class.getClassLoader());
                for (Method method : controller.getDeclaredMethods()) {
                    for (Parameter parameter : method.getParameters()) {
                        if (parameter.isAnnotationPresent(RequestBody.class)) {
                            bodies.add(parameter.getType());
                        }
                    }
                }
            }
        }
        return bodies;
    }

    /** Every text or list reachable from {@code root} that has no maximum, as {@code Type.component}. */
    public static Set<String> unbounded(Class<?> root) {
        Set<String> found = new TreeSet<>();
        walk(root, found, new LinkedHashSet<>());
        return found;
    }

    /** The longest text a String component may hold, if it declares one. */
    public static OptionalInt maxLength(RecordComponent component) {
        return maxLength(component.getAnnotatedType(), field(component));
    }

    /** The most items a collection component may hold, if it declares one. */
    public static OptionalInt maxItems(RecordComponent component) {
        Size size = size(component.getAnnotatedType(), field(component));
        return size == null || size.max() == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(size.max());
    }

    /** The element type of a collection component, with its type-use annotations. */
    public static AnnotatedType elementType(RecordComponent component) {
        if (component.getAnnotatedType() instanceof AnnotatedParameterizedType parameterized) {
            return parameterized.getAnnotatedActualTypeArguments()[0];
        }
        throw new IllegalStateException(component + " is a raw collection");
    }

    /** The longest text a String element may hold, if it declares one. */
    public static OptionalInt maxLength(AnnotatedType type, AnnotatedElement alsoOn) {
        Size size = size(type, alsoOn);
        if (size != null && size.max() != Integer.MAX_VALUE) {
            return OptionalInt.of(size.max());
        }
        Pattern pattern = type.getAnnotation(Pattern.class);
        if (pattern == null && alsoOn != null) {
            pattern = alsoOn.getAnnotation(Pattern.class);
        }
        return pattern == null ? OptionalInt.empty() : longestMatch(pattern.regexp());
    }

    public static boolean boundedByType(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || BOUNDED_BY_TYPE.contains(type);
    }

    private static void walk(Class<?> type, Set<String> found, Set<Class<?>> seen) {
        if (!type.isRecord()) {
            if (!boundedByType(type) && type != String.class) {
                found.add(type.getName() + " (not a record: cannot see its limits)");
            }
            return;
        }
        if (!seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + component.getName();
            Class<?> componentType = component.getType();
            if (componentType == String.class) {
                if (maxLength(component).isEmpty()) {
                    found.add(name);
                }
            } else if (Collection.class.isAssignableFrom(componentType) || Map.class.isAssignableFrom(componentType)) {
                if (maxItems(component).isEmpty()) {
                    found.add(name + " (items)");
                }
                AnnotatedType element = elementType(component);
                Class<?> elementClass = raw(element);
                if (elementClass == String.class) {
                    if (maxLength(element, null).isEmpty()) {
                        found.add(name + "[] (text)");
                    }
                } else {
                    walk(elementClass, found, seen);
                }
            } else if (componentType.isArray()) {
                found.add(name + " (array: use a list with @Size)");
            } else {
                walk(componentType, found, seen);
            }
        }
    }

    static Class<?> raw(AnnotatedType type) {
        java.lang.reflect.Type t = type.getType();
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof java.lang.reflect.ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("Unsupported type " + t);
    }

    private static Size size(AnnotatedType type, AnnotatedElement alsoOn) {
        Size size = type.getAnnotation(Size.class);
        return size != null || alsoOn == null ? size : alsoOn.getAnnotation(Size.class);
    }

    private static AnnotatedElement field(RecordComponent component) {
        try {
            return component.getDeclaringRecord().getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            return component.getAccessor();
        }
    }

    /**
     * The longest string a simple regular expression matches: a sequence of literals, escapes and
     * character classes, each optionally with {@code ?}, {@code {n}} or {@code {m,n}}. Anything with
     * {@code *}, {@code +}, groups or alternatives counts as unbounded.
     */
    public static OptionalInt longestMatch(String regexp) {
        int length = 0;
        int i = 0;
        while (i < regexp.length()) {
            char c = regexp.charAt(i);
            if (c == '[') {
                int close = i + 1;
                while (close < regexp.length() && (regexp.charAt(close) != ']' || close == i + 1 || regexp.charAt(close - 1) == '\\')) {
                    close++;
                }
                if (close >= regexp.length()) {
                    return OptionalInt.empty();
                }
                i = close + 1;
            } else if (c == '\\') {
                i += 2;
            } else if (c == '(' || c == ')' || c == '|' || c == '*' || c == '+') {
                return OptionalInt.empty();
            } else if (c == '^' || c == '$') {
                i++;
                continue;
            } else {
                i++;
            }
            int times = 1;
            if (i < regexp.length() && regexp.charAt(i) == '?') {
                i++;
            } else if (i < regexp.length() && regexp.charAt(i) == '{') {
                int close = regexp.indexOf('}', i);
                String[] bounds = regexp.substring(i + 1, close).split(",", -1);
                String upper = bounds[bounds.length - 1].strip();
                if (upper.isEmpty()) {
                    return OptionalInt.empty();
                }
                times = Integer.parseInt(upper);
                i = close + 1;
            }
            if (i < regexp.length() && (regexp.charAt(i) == '*' || regexp.charAt(i) == '+')) {
                return OptionalInt.empty();
            }
            length += times;
        }
        return OptionalInt.of(length);
    }

    /** Lines for a failure message. */
    public static List<String> describe(Class<?> root, Set<String> unbounded) {
        List<String> lines = new ArrayList<>();
        unbounded.forEach(field -> lines.add(root.getSimpleName() + ": " + field));
        return lines;
    }
}
