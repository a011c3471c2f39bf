package nl.meldspoor.api.privacy;

import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.PersonalData;

/**
 * Walks the components of published event types, through nested records, lists, sets, maps and sealed
 * interfaces, and reports every {@code String} that is neither sealed ({@link PersonalData}) nor an
 * identifier or code with a declared format from {@link Identifiers}.
 */
final class PublishedTexts {

    /** The regular expressions of {@link Identifiers}: a {@code @Pattern} with any other is no declared format. */
    static final Set<String> DECLARED_FORMATS = declaredFormats();

    private static final Set<Class<?>> PLAIN_VALUES = Set.of(UUID.class, Instant.class, LocalDate.class, LocalDateTime.class,
            OffsetDateTime.class, Period.class, Duration.class, Boolean.class, Character.class);

    private PublishedTexts() {
    }

    /** Every concrete class in the compiled classes of {@code anchor}'s module that implements one of {@code families}. */
    static List<Class<?>> implementationsOf(Class<?> anchor, Collection<Class<?>> families) {
        Path root;
        try {
            root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class") && !file.getFileName().toString().equals("module-info.class"))
                    .map(file -> root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", ""))
                    .<Class<?>>map(PublishedTexts::load)
                    .filter(type -> !type.isInterface() && !Modifier.isAbstract(type.getModifiers()))
                    .filter(type -> families.stream().anyMatch(family -> family.isAssignableFrom(type)))
                    .sorted((a, b) -> a.getName().compareTo(b.getName()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param sealable whether the type's {@link PersonalData} texts are sealed on their way out: only events
     *                 that go through the write services' serializer are; the access log and staff events are not
     * @return one line per offending text, naming its path ({@code Event.component.nested[].text})
     */
    static List<String> unsealedFreeText(Class<?> eventType, boolean sealable) {
        List<String> problems = new ArrayList<>();
        walkRecord(eventType, eventType.getSimpleName(), sealable, problems, new HashSet<>());
        return problems;
    }

    private static void walkRecord(Class<?> type, String path, boolean sealable, List<String> problems, Set<Class<?>> onPath) {
        if (!type.isRecord()) {
            problems.add(path + ": " + type.getName() + " is not a record; its texts cannot be checked");
            return;
        }
        if (!onPath.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String at = path + "." + component.getName();
            boolean sealed = component.isAnnotationPresent(PersonalData.class);
            if (sealed && !sealable) {
                problems.add(at + ": marked @PersonalData, but " + path.split("\\.")[0]
                        + " is written without the sealing serializer, so it would travel in plain");
                continue;
            }
            if (sealed && !isTextOrTexts(component.getAnnotatedType())) {
                problems.add(at + ": @PersonalData seals only a String or a list or set of Strings, not " + component.getGenericType().getTypeName());
                continue;
            }
            walk(component.getAnnotatedType(), at, sealed, sealable, problems, onPath);
        }
        onPath.remove(type);
    }

    private static void walk(AnnotatedType annotated, String path, boolean sealed, boolean sealable, List<String> problems, Set<Class<?>> onPath) {
        Class<?> raw = raw(annotated.getType());
        if (raw == String.class) {
            if (!sealed) {
                requireDeclaredFormat(annotated, path, problems);
            }
        } else if (raw.isPrimitive() || raw.isEnum() || Number.class.isAssignableFrom(raw) || PLAIN_VALUES.contains(raw)) {
            return;
        } else if (Collection.class.isAssignableFrom(raw)) {
            walk(typeArgument(annotated, 0, path, problems), path + "[]", sealed, sealable, problems, onPath);
        } else if (Map.class.isAssignableFrom(raw)) {
            walk(typeArgument(annotated, 0, path, problems), path + "{key}", false, sealable, problems, onPath);
            walk(typeArgument(annotated, 1, path, problems), path + "{value}", false, sealable, problems, onPath);
        } else if (annotated instanceof AnnotatedArrayType array) {
            walk(array.getAnnotatedGenericComponentType(), path + "[]", sealed, sealable, problems, onPath);
        } else if (raw.isSealed()) {
            for (Class<?> permitted : raw.getPermittedSubclasses()) {
                walkRecord(permitted, path + "<" + permitted.getSimpleName() + ">", sealable, problems, onPath);
            }
        } else if (raw.isRecord()) {
            walkRecord(raw, path, sealable, problems, onPath);
        } else if (raw == Object.class) {
            problems.add(path + ": an untyped value cannot be checked");
        } else {
            problems.add(path + ": " + raw.getName() + " is neither a record, a collection nor a known value type");
        }
    }

    private static void requireDeclaredFormat(AnnotatedType text, String path, List<String> problems) {
        Pattern pattern = text.getAnnotation(Pattern.class);
        if (pattern == null) {
            problems.add(path + ": free text that is neither sealed (@PersonalData) nor an identifier (@Pattern(regexp = Identifiers.…))");
        } else if (!DECLARED_FORMATS.contains(pattern.regexp())) {
            problems.add(path + ": @Pattern(regexp = \"" + pattern.regexp() + "\") is not a format of Identifiers");
        }
    }

    private static boolean isTextOrTexts(AnnotatedType type) {
        Class<?> raw = raw(type.getType());
        if (raw == String.class) {
            return true;
        }
        return (raw == List.class || raw == Set.class || raw == Collection.class)
                && type instanceof AnnotatedParameterizedType parameterized
                && raw(parameterized.getAnnotatedActualTypeArguments()[0].getType()) == String.class;
    }

    private static AnnotatedType typeArgument(AnnotatedType type, int index, String path, List<String> problems) {
        if (type instanceof AnnotatedParameterizedType parameterized) {
            return parameterized.getAnnotatedActualTypeArguments()[index];
        }
        problems.add(path + ": a raw collection cannot be checked");
        return new AnnotatedType() {
            @Override
            public Type getType() {
                return Object.class;
            }

            @Override
            public <T extends java.lang.annotation.Annotation> T getAnnotation(Class<T> annotationClass) {
                return null;
            }

            @Override
            public java.lang.annotation.Annotation[] getAnnotations() {
                return new java.lang.annotation.Annotation[0];
            }

            @Override
            public java.lang.annotation.Annotation[] getDeclaredAnnotations() {
                return new java.lang.annotation.Annotation[0];
            }
        };
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> type1) {
            return type1;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublishedTexts.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> declaredFormats() {
        Set<String> formats = new HashSet<>();
        for (Field field : Identifiers.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    formats.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(formats);
    }

    static String describe(List<String> problems) {
        return String.join("\n", problems) + (problems.isEmpty() ? "" : "\nSeal each with @PersonalData, or declare its format with "
                + "@Pattern(regexp = Identifiers.…), adding a format there when none fits.");
    }
}
