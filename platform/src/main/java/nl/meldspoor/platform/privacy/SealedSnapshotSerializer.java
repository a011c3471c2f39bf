package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.util.function.SingletonSupplier;

/**
 * The serializer of a write service's snapshots (and of whatever else Axon's general serializer writes). An
 * aggregate with a {@link SnapshotRecords} entry is written as its fields in JSON, and that JSON is sealed whole under the
 * aggregate's record key (AES-GCM, like every free text of its events): the snapshot table never holds the opened
 * text in plain, and erasing the record's key makes its snapshots unreadable with its events — Axon then loads the
 * aggregate from its events, whose texts read as erased. Everything else goes to the general serializer unchanged.
 */
public class SealedSnapshotSerializer implements Serializer {

    private final Serializer delegate;
    private final Supplier<PersonalDataKeys> keys;
    private final Supplier<List<SnapshotRecords>> records;
    private final String holder;
    private final ObjectMapper fields;

    /**
     * @param keys and records resolved once, on first use: the serializer is made before the database is ready, and it
     *             also writes every tracking token, so a bean look-up per call cost each token update
     */
    public SealedSnapshotSerializer(Serializer delegate, Supplier<PersonalDataKeys> keys, Supplier<Stream<SnapshotRecords>> records,
                                    String holder) {
        this.delegate = delegate;
        this.keys = SingletonSupplier.of(keys);
        this.records = SingletonSupplier.of(() -> records.get().toList());
        this.holder = holder;
        // The aggregate's own fields, not its getters: what it holds is what it needs after loading.
        this.fields = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The general serializer underneath, which writes everything but snapshots. */
    public Serializer delegate() {
        return delegate;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<ProtectedRecord> record = object == null ? Optional.empty()
                : records.get().stream().map(known -> known.recordOf(object)).flatMap(Optional::stream).findFirst();
        if (record.isEmpty()) {
            if (object != null && object.getClass().isAnnotationPresent(org.axonframework.spring.stereotype.Aggregate.class)) {
                // an aggregate's state holds opened text: never snapshot one in plain
                throw new SerializationException(object.getClass().getName() + " has no SnapshotRecords: its snapshot is not written");
            }
            return delegate.serialize(object, expectedRepresentation);
        }
        try {
            String json = fields.writeValueAsString(object);
            String sealed = PersonalDataCipher.encrypt(json, holder, keys.get().keyOf(record.get())).toString();
            SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(sealed.getBytes(StandardCharsets.UTF_8), byte[].class,
                    delegate.typeForClass(object.getClass()));
            return delegate.getConverter().convert(bytes, expectedRepresentation);
        } catch (IOException e) {
            throw new SerializationException("Could not write the snapshot of " + object.getClass().getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        SerializedObject<byte[]> bytes = delegate.getConverter().convert(serializedObject, byte[].class);
        if (!startsWithPrefix(bytes.getData())) {
            return delegate.deserialize(serializedObject);
        }
        Optional<EncryptedText> sealed = EncryptedText.parse(new String(bytes.getData(), StandardCharsets.UTF_8));
        if (sealed.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        Optional<PersonalDataKey> key = keys.get().byId(sealed.get().keyId());
        if (key.isEmpty()) {
            // Erased: Axon reads the aggregate from its events instead.
            throw new SerializationException("The snapshot's key " + sealed.get().keyId() + " was erased");
        }
        try {
            String json = PersonalDataCipher.decrypt(sealed.get(), key.get().secret());
            return (T) fields.readValue(json, classForType(serializedObject.getType()));
        } catch (GeneralSecurityException | IOException e) {
            throw new SerializationException("Could not open the snapshot of " + serializedObject.getType().getName(), e);
        }
    }

    private static final byte[] PREFIX = EncryptedText.PREFIX.getBytes(StandardCharsets.UTF_8);

    private static boolean startsWithPrefix(byte[] data) {
        return data.length >= PREFIX.length && java.util.Arrays.equals(data, 0, PREFIX.length, PREFIX, 0, PREFIX.length);
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
