package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.function.Supplier;
import nl.meldspoor.api.common.PersonalData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * The event serializer of a write service: Jackson, with every {@link PersonalData} text sealed under
 * its record's key before the event is stored — so the event store and the Kafka topics fed from it
 * never hold that text in plain. Reading an event back opens the texts this service holds the keys of;
 * a text whose key was erased reads as {@link #ERASED}. Texts sealed by another service (a signal
 * copied into a case) stay sealed: only their holder can open them.
 */
public class PersonalDataSerializer implements Serializer {

    /** What a text whose key was erased after its retention period reads as. */
    public static final String ERASED = "[verwijderd na de bewaartermijn]";

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSerializer.class);

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final Supplier<PersonalDataKeys> keys;
    private final String holder;

    /**
     * @param keys resolved once, on first use: the serializer is made before the database is ready, and a bean look-up
     *             for every text sealed was 3 % of a write service's CPU
     */
    public PersonalDataSerializer(JacksonSerializer delegate, Supplier<PersonalDataKeys> keys, String holder) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.keys = SingletonSupplier.of(keys);
        this.holder = holder;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        Optional<ProtectedRecord> record = ProtectedRecord.of(object);
        if (record.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        JsonNode tree = json.valueToTree(object);
        Sealer sealer = new Sealer(record.get());
        if (!PersonalDataFields.replace(object, tree, sealer::seal)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        try {
            SerializedObject<byte[]> sealed = new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class, typeForClass(object.getClass()));
            return delegate.getConverter().convert(sealed, expectedRepresentation);
        } catch (IOException e) {
            throw new SerializationException("Could not write " + object.getClass().getName(), e);
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        SerializedObject<byte[]> bytes = delegate.getConverter().convert(serializedObject, byte[].class);
        if (!new String(bytes.getData(), StandardCharsets.UTF_8).contains(EncryptedText.PREFIX)) {
            return delegate.deserialize(bytes);
        }
        try {
            JsonNode tree = json.readTree(bytes.getData());
            PersonalDataFields.replaceEncrypted(tree, this::open);
            return delegate.deserialize(new SimpleSerializedObject<>(json.writeValueAsBytes(tree), byte[].class, bytes.getType()));
        } catch (IOException e) {
            throw new SerializationException("Could not read " + serializedObject.getType().getName(), e);
        }
    }

    /** The plain text, {@link #ERASED} when its key was erased, or the sealed text itself when another service holds its key. */
    String open(String text) {
        Optional<EncryptedText> sealed = EncryptedText.parse(text);
        if (sealed.isEmpty() || !sealed.get().holder().equals(holder)) {
            return text;
        }
        Optional<PersonalDataKey> key = keys.get().byId(sealed.get().keyId());
        if (key.isEmpty()) {
            return ERASED;
        }
        try {
            return PersonalDataCipher.decrypt(sealed.get(), key.get().secret());
        } catch (GeneralSecurityException e) {
            log.error("A sealed text under key {} does not open: it was altered or sealed under another key", sealed.get().keyId());
            throw new SerializationException("A sealed text does not open with its key " + sealed.get().keyId(), e);
        }
    }

    /** Seals the texts of one event under its record's key, fetched once. */
    private final class Sealer {

        private final ProtectedRecord record;
        private PersonalDataKey key;

        Sealer(ProtectedRecord record) {
            this.record = record;
        }

        String seal(String text) {
            if (text == null || EncryptedText.isEncrypted(text) || ERASED.equals(text)) {
                return text;
            }
            if (key == null) {
                key = keys.get().keyOf(record);
            }
            return PersonalDataCipher.encrypt(text, holder, key).toString();
        }
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
