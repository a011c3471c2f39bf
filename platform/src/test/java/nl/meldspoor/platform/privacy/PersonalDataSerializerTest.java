package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class PersonalDataSerializerTest {

    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final String SITUATION = "Jan vertelde in de kring dat zijn vader hem sloeg";
    private static final String STATEMENT = "Blauwe plek op de linkerarm van Jan";

    private final InMemoryKeys keys = new InMemoryKeys();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(
            JacksonSerializer.builder().objectMapper(json).build(), () -> keys, "signal-service");

    @Test
    void storesTheMarkedTextsSealedAndReadsThemBackInPlain() {
        SignalRecorded recorded = signal("leerling-1");

        SerializedObject<byte[]> stored = serializer.serialize(recorded, byte[].class);

        String storedJson = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(storedJson).doesNotContain("Jan", "vader", "Blauwe plek", "speelplaats")
                .contains(EncryptedText.PREFIX + "signal-service:", "leerling-1", "SOCIAL_EMOTIONAL");
        SignalRecorded read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(recorded);
    }

    @Test
    void everyRecordHasItsOwnKey() {
        serializer.serialize(signal("leerling-1"), byte[].class);
        serializer.serialize(signal("leerling-2"), byte[].class);
        serializer.serialize(signal("leerling-1"), byte[].class);

        assertThat(keys.byRecord).containsOnlyKeys("leerling-1", "leerling-2");
    }

    @Test
    void aTextWhoseKeyWasErasedReadsAsErasedWhileTheRestOfTheEventStays() {
        SerializedObject<byte[]> stored = serializer.serialize(signal("leerling-1"), byte[].class);

        keys.erase(new ProtectedRecord(ProtectedRecord.RecordType.PUPIL_FILE, "leerling-1", "school-a"), NOW);

        SignalRecorded read = serializer.deserialize(stored);
        assertThat(read.content().situation()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(read.content().statements().get(0).text()).isEqualTo(PersonalDataSerializer.ERASED);
        assertThat(read.pupilRef()).isEqualTo("leerling-1");
        assertThat(read.content().category()).isEqualTo(SignalCategory.SOCIAL_EMOTIONAL);
    }

    @Test
    void textRecordedAfterAnErasureGetsANewKeyAndTheErasedTextStaysErased() {
        SerializedObject<byte[]> before = serializer.serialize(signal("leerling-1"), byte[].class);
        keys.erase(new ProtectedRecord(ProtectedRecord.RecordType.PUPIL_FILE, "leerling-1", "school-a"), NOW);

        SerializedObject<byte[]> after = serializer.serialize(signal("leerling-1"), byte[].class);

        assertThat(serializer.<byte[], SignalRecorded>deserialize(after).content().situation()).isEqualTo(SITUATION);
        assertThat(serializer.<byte[], SignalRecorded>deserialize(before).content().situation()).isEqualTo(PersonalDataSerializer.ERASED);
    }

    @Test
    void anAlteredTextIsRefusedRatherThanReadAsSomethingElse() {
        SerializedObject<byte[]> stored = serializer.serialize(signal("leerling-1"), byte[].class);
        String storedJson = new String(stored.getData(), StandardCharsets.UTF_8);
        int sealedAt = storedJson.indexOf(EncryptedText.PREFIX);
        int flipAt = storedJson.indexOf('"', sealedAt) - 3;
        String altered = storedJson.substring(0, flipAt) + (storedJson.charAt(flipAt) == 'A' ? 'B' : 'A') + storedJson.substring(flipAt + 1);

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(altered.getBytes(StandardCharsets.UTF_8), byte[].class, stored.getType())))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void aTextSealedByAnotherServiceStaysSealed() {
        PersonalDataSerializer caseService = new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(json).build(), InMemoryKeys::new, "case-service");
        SerializedObject<byte[]> stored = serializer.serialize(signal("leerling-1"), byte[].class);

        SignalRecorded readElsewhere = caseService.deserialize(stored);

        assertThat(readElsewhere.content().situation()).startsWith(EncryptedText.PREFIX + "signal-service:");
        assertThat(caseService.serialize(readElsewhere, byte[].class).getData()).asString(StandardCharsets.UTF_8)
                .contains(readElsewhere.content().situation());
    }

    static SignalRecorded signal(String pupilRef) {
        Actor teacher = new Actor("lk-a", Role.TEACHER);
        SignalContent content = new SignalContent(NOW.minusSeconds(3600), "speelplaats", SITUATION,
                List.of(new Statement(STATEMENT, StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("J.D."), SignalCategory.SOCIAL_EMOTIONAL, null, null, teacher);
        return new SignalRecorded(pupilRef, "school-a", teacher, NOW, UUID.randomUUID().toString(), null, content, false);
    }

    /** The key table in memory: one key per record, erasure removes the secret. */
    static final class InMemoryKeys extends PersonalDataKeys {

        final Map<String, PersonalDataKey> byRecord = new HashMap<>();
        private final Map<UUID, PersonalDataKey> byId = new HashMap<>();

        InMemoryKeys() {
            super(null, KeyWrapping.of(null), Clock.systemUTC());
        }

        @Override
        public PersonalDataKey keyOf(ProtectedRecord record) {
            PersonalDataKey live = byRecord.get(record.recordId());
            if (live == null || !byId.containsKey(live.keyId())) {
                live = new PersonalDataKey(UUID.randomUUID(), PersonalDataCipher.newKey());
                byRecord.put(record.recordId(), live);
                byId.put(live.keyId(), live);
            }
            return live;
        }

        @Override
        public Optional<PersonalDataKey> byId(UUID keyId) {
            return Optional.ofNullable(byId.get(keyId));
        }

        @Override
        public boolean erase(ProtectedRecord record, Instant erasedAt) {
            PersonalDataKey key = byRecord.get(record.recordId());
            return key != null && byId.remove(key.keyId()) != null;
        }
    }
}
