package nl.meldspoor.reporting.readmodel;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonBinaryWriter;
import org.bson.BsonWriter;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Writes a stored view straight into BSON, as {@link MappingMongoConverter} writes it — the same fields in the same
 * order with the same BSON types, {@code _class} at the root — without the converter's generic work per value, which
 * took a third of a {@code meldcode-cases} rebuild's own time. The converter's mapping metadata decides which fields
 * are written and under which names; this class only walks them.
 *
 * <p>It takes a view type only when every persistent field is one it knows how to write the converter's way: strings,
 * {@code int}, {@code long}, {@code boolean}, {@code double} and their boxes, {@link Instant} and {@link LocalDate} (as
 * dates), enums (by name), lists of those or of nested types, maps with string keys, and nested types made of the
 * same — with no custom conversion, value converter, explicit write target, unwrapping, reference or field path in
 * play. For any other type {@link #of} is empty and the converter writes its views. A value that would need the
 * converter's special handling at run time (a subclass needing a type hint, a null inside a list, a map key with a
 * dot) makes {@link #encode} return null, and the converter writes that view.
 */
final class ViewEncoder<D> {

    private static final Logger log = LoggerFactory.getLogger(ViewEncoder.class);

    private final Shape root;
    /** The converter's type hint at the root ({@code _class} and the view type's alias). */
    private final List<Map.Entry<String, String>> typeHint;

    private ViewEncoder(Shape root, List<Map.Entry<String, String>> typeHint) {
        this.root = root;
        this.typeHint = typeHint;
    }

    /** An encoder for the view type, or empty when the converter must write it (see the class comment). */
    static <D> Optional<ViewEncoder<D>> of(MongoConverter converter, Class<D> viewType) {
        if (!(converter instanceof MappingMongoConverter mapping) || !(mapping.getCustomConversions() instanceof MongoCustomConversions)) {
            return Optional.empty();
        }
        try {
            Shape root = new Shapes(mapping).of(viewType, true);
            return Optional.of(new ViewEncoder<>(root, typeHintOf(converter, viewType)));
        } catch (Unsupported unsupported) {
            log.info("Views of {} are written by the converter: {}", viewType.getSimpleName(), unsupported.getMessage());
            return Optional.empty();
        }
    }

    private static List<Map.Entry<String, String>> typeHintOf(MongoConverter converter, Class<?> viewType) {
        Document hint = new Document();
        converter.getTypeMapper().writeType(viewType, hint);
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        hint.forEach((key, alias) -> {
            if (!(alias instanceof String text)) {
                throw new Unsupported(viewType.getSimpleName() + " has a type hint that is not a string");
            }
            entries.add(Map.entry(key, text));
        });
        return List.copyOf(entries);
    }

    /**
     * The view as the converter writes it, with {@code _id} set to the id and the format field at the end; null when a
     * value in it needs the converter (see the class comment).
     */
    RawBsonDocument encode(D view, String id, String formatField, int format) {
        BasicOutputBuffer buffer = new Utf8OutputBuffer(1024);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString("_id", id);
            root.writeFields(view, writer);
            typeHint.forEach(hint -> writer.writeString(hint.getKey(), hint.getValue()));
            writer.writeInt32(formatField, format);
            writer.writeEndDocument();
        } catch (NeedsTheConverter needsTheConverter) {
            return null;
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    /**
     * Writes a string's UTF-8 as the JDK encodes it, at once: BSON's own buffer writes it byte by byte, which took a
     * third of a view's writing at board size, where each view holds its dossier's JSON. A string with a surrogate (whose
     * unpaired halves the JDK would replace) or, for a name, a null character is written by BSON's own code.
     */
    private static final class Utf8OutputBuffer extends BasicOutputBuffer {

        Utf8OutputBuffer(int initialSize) {
            super(initialSize);
        }

        @Override
        protected int writeCharacters(String value, boolean checkForNullCharacters) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isSurrogate(c) || checkForNullCharacters && c == 0) {
                    return super.writeCharacters(value, checkForNullCharacters);
                }
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            writeBytes(utf8, 0, utf8.length);
            writeByte(0);
            return utf8.length + 1;
        }
    }

    /** How one kind of value is written. */
    private interface Writer {
        void write(Object value, BsonWriter writer);
    }

    /** The persistent fields of one type, in the converter's order, the identifier left out (the caller writes it). */
    private record Shape(Class<?> type, List<Slot> slots) {

        void writeFields(Object value, BsonWriter writer) {
            if (value.getClass() != type) {
                // a subclass gets a type hint from the converter
                throw new NeedsTheConverter();
            }
            for (Slot slot : slots) {
                Object fieldValue = slot.get(value);
                if (fieldValue != null) {
                    writer.writeName(slot.name());
                    slot.writer().write(fieldValue, writer);
                }
            }
        }
    }

    private record Slot(String name, Field field, Writer writer) {
        Object get(Object owner) {
            try {
                return field.get(owner);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Works out the shapes of a view type and of the types inside it. */
    private static final class Shapes {

        private static final Set<Class<?>> NUMBERS = Set.of(Integer.class, Long.class, Double.class);

        private final MappingMongoConverter converter;
        private final MongoCustomConversions conversions;
        private final Set<Class<?>> building = new HashSet<>();

        Shapes(MappingMongoConverter converter) {
            this.converter = converter;
            this.conversions = (MongoCustomConversions) converter.getCustomConversions();
        }

        Shape of(Class<?> type, boolean root) {
            MongoPersistentEntity<?> entity = converter.getMappingContext().getPersistentEntity(type);
            if (entity == null || conversions.hasCustomWriteTarget(type)) {
                throw new Unsupported(type.getSimpleName() + " is not an entity the converter maps field by field");
            }
            if (!building.add(type)) {
                throw new Unsupported(type.getSimpleName() + " holds itself");
            }
            List<Slot> slots = new ArrayList<>();
            for (MongoPersistentProperty property : entity) {
                if (property.isIdProperty() && !root) {
                    throw new Unsupported(type.getSimpleName() + " has an identifier inside a view");
                }
                // the view's identifier is written as _id by the caller
                if (property.isWritable() && !property.isIdProperty()) {
                    slots.add(slot(type, property));
                }
            }
            building.remove(type);
            return new Shape(type, List.copyOf(slots));
        }

        private Slot slot(Class<?> owner, MongoPersistentProperty property) {
            String where = owner.getSimpleName() + "." + property.getName();
            Field field = property.getField();
            if (field == null || Modifier.isStatic(field.getModifiers()) || property.isAssociation() || property.isDbReference()
                    || property.isUnwrapped() || property.writeNullValues() || property.hasExplicitWriteTarget()
                    || conversions.hasValueConverter(property) || property.getFieldName().contains(".")) {
                throw new Unsupported(where + " needs the converter's handling");
            }
            field.setAccessible(true);
            return new Slot(property.getFieldName(), field, writerOf(field.getType(), field.getGenericType(), where));
        }

        private Writer writerOf(Class<?> type, Type genericType, String where) {
            Class<?> target = conversions.getCustomWriteTarget(type).orElse(null);
            // numbers are "converted" to Number (they stay as they are) and Instant to Date (its milliseconds)
            boolean keptAsTheyAre = target == null || target == Number.class && NUMBERS.contains(type)
                    || target == Date.class && (type == Instant.class || type == LocalDate.class);
            if (!keptAsTheyAre) {
                throw new Unsupported(where + " has a custom conversion to " + target.getSimpleName());
            }
            if (type == String.class) {
                return (value, writer) -> writer.writeString((String) value);
            }
            if (type == int.class || type == Integer.class) {
                return (value, writer) -> writer.writeInt32((Integer) value);
            }
            if (type == long.class || type == Long.class) {
                return (value, writer) -> writer.writeInt64((Long) value);
            }
            if (type == boolean.class || type == Boolean.class) {
                return (value, writer) -> writer.writeBoolean((Boolean) value);
            }
            if (type == double.class || type == Double.class) {
                return (value, writer) -> writer.writeDouble((Double) value);
            }
            if (type == Instant.class) {
                // Spring Data's Instant-to-Date conversion and the driver's codec both keep the milliseconds
                return (value, writer) -> writer.writeDateTime(((Instant) value).toEpochMilli());
            }
            if (type == LocalDate.class) {
                // the converter's zone decides the date's instant: asked per value (dates are few)
                return (value, writer) -> {
                    if (!(converter.convertToMongoType(value) instanceof Date date)) {
                        throw new NeedsTheConverter();
                    }
                    writer.writeDateTime(date.getTime());
                };
            }
            if (type.isEnum()) {
                return (value, writer) -> writer.writeString(((Enum<?>) value).name());
            }
            if (type == List.class) {
                Writer element = writerOf(typeArgument(genericType, 0, where), ((ParameterizedType) genericType).getActualTypeArguments()[0], where);
                return (value, writer) -> {
                    writer.writeStartArray();
                    for (Object item : (List<?>) value) {
                        if (item == null) {
                            throw new NeedsTheConverter();
                        }
                        element.write(item, writer);
                    }
                    writer.writeEndArray();
                };
            }
            if (type == Map.class) {
                if (typeArgument(genericType, 0, where) != String.class) {
                    throw new Unsupported(where + " is a map without string keys");
                }
                Writer entryValue = writerOf(typeArgument(genericType, 1, where), ((ParameterizedType) genericType).getActualTypeArguments()[1], where);
                return (value, writer) -> {
                    writer.writeStartDocument();
                    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                        String key = (String) entry.getKey();
                        if (key.contains(".") || entry.getValue() == null) {
                            throw new NeedsTheConverter();
                        }
                        writer.writeName(key);
                        entryValue.write(entry.getValue(), writer);
                    }
                    writer.writeEndDocument();
                };
            }
            if (type.isArray() || type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.getName().startsWith("java.")
                    || conversions.isSimpleType(type)) {
                throw new Unsupported(where + " is a " + type.getSimpleName());
            }
            Shape nested = of(type, false);
            return (value, writer) -> {
                writer.writeStartDocument();
                nested.writeFields(value, writer);
                writer.writeEndDocument();
            };
        }

        private static Class<?> typeArgument(Type genericType, int index, String where) {
            if (genericType instanceof ParameterizedType parameterized && parameterized.getActualTypeArguments()[index] instanceof Class<?> argument) {
                return argument;
            }
            throw new Unsupported(where + " has a type argument that is not a plain class");
        }
    }

    /** A type this encoder leaves to the converter. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** A value this encoder leaves to the converter. */
    private static final class NeedsTheConverter extends RuntimeException {
        NeedsTheConverter() {
            super(null, null, false, false);
        }
    }
}
