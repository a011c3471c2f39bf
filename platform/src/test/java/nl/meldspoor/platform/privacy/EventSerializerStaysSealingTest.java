package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.meldspoor.api.signal.SignalRecorded;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The services configure one serializer type for everything ({@code axon.serializer.general/events/messages: jackson});
 * Axon's auto-configuration then hands the general serializer bean itself out as {@code eventSerializer}. That bean is
 * already wrapped for snapshots when the event serializer is made, and the events must still be sealed text by text.
 */
class EventSerializerStaysSealingTest {

    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final BeanPostProcessor wrapping = PersonalDataAutoConfiguration.KeyHolding.sealingEventSerializer(
            beans.getBeanProvider(PersonalDataKeys.class), beans.getBeanProvider(SnapshotRecords.class), "case-service");

    @Test
    void theGeneralSerializerHandedOutAsEventSerializerSealsEveryEventText() {
        Serializer general = (Serializer) wrapping.postProcessAfterInitialization(JacksonSerializer.defaultSerializer(), "serializer");
        assertThat(general).as("snapshots sealed whole").isInstanceOf(SealedSnapshotSerializer.class);

        Object events = wrapping.postProcessAfterInitialization(general, "eventSerializer");

        assertThat(events).as("the event store and the Kafka publisher seal every text").isInstanceOf(PersonalDataSerializer.class);
    }

    @Test
    void aSeparateJacksonEventSerializerSealsEveryEventTextToo() {
        Object events = wrapping.postProcessAfterInitialization(JacksonSerializer.defaultSerializer(), "eventSerializer");

        assertThat(events).isInstanceOf(PersonalDataSerializer.class);
    }

    /**
     * The serializers find their beans lazily (they are made before the database is ready), but once: a look-up through
     * the bean factory for every sealed text and every tracking token was 3 % of a write service's CPU.
     */
    @Test
    void theKeysAndTheSnapshotRecordsAreLookedUpOnceNotForEveryTextOrToken() {
        beans.registerSingleton("personalDataKeys", new PersonalDataSerializerTest.InMemoryKeys());
        beans.registerSingleton("snapshotRecords", SnapshotRecords.of(SignalRecorded.class,
                signal -> new ProtectedRecord(ProtectedRecord.RecordType.PUPIL_FILE, signal.pupilRef(), signal.schoolId())));
        CountingProvider<PersonalDataKeys> keys = new CountingProvider<>(beans.getBeanProvider(PersonalDataKeys.class));
        CountingProvider<SnapshotRecords> records = new CountingProvider<>(beans.getBeanProvider(SnapshotRecords.class));
        BeanPostProcessor counted = PersonalDataAutoConfiguration.KeyHolding.sealingEventSerializer(keys, records, "signal-service");
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Serializer general = (Serializer) counted.postProcessAfterInitialization(JacksonSerializer.builder().objectMapper(json).build(), "serializer");
        Serializer events = (Serializer) counted.postProcessAfterInitialization(JacksonSerializer.builder().objectMapper(json).build(), "eventSerializer");

        for (int i = 0; i < 5; i++) {
            byte[] event = events.serialize(PersonalDataSerializerTest.signal("leerling-" + i), byte[].class).getData();
            assertThat(new String(event, StandardCharsets.UTF_8)).contains(EncryptedText.PREFIX).doesNotContain("vader");
            general.serialize(Map.of("token", i), byte[].class);
        }

        assertThat(keys.lookUps).as("the key store, for 5 events of several texts each").hasValue(1);
        assertThat(records.lookUps).as("the snapshot records, for 5 tokens").hasValue(1);
    }

    /** A bean provider that counts how often it is asked. */
    private static final class CountingProvider<T> implements ObjectProvider<T> {

        private final ObjectProvider<T> beans;
        private final AtomicInteger lookUps = new AtomicInteger();

        CountingProvider(ObjectProvider<T> beans) {
            this.beans = beans;
        }

        @Override
        public T getObject() throws BeansException {
            lookUps.incrementAndGet();
            return beans.getObject();
        }

        @Override
        public T getObject(Object... args) throws BeansException {
            lookUps.incrementAndGet();
            return beans.getObject(args);
        }

        @Override
        public T getIfAvailable() throws BeansException {
            lookUps.incrementAndGet();
            return beans.getIfAvailable();
        }

        @Override
        public T getIfUnique() throws BeansException {
            lookUps.incrementAndGet();
            return beans.getIfUnique();
        }

        @Override
        public Stream<T> orderedStream() {
            lookUps.incrementAndGet();
            return beans.orderedStream();
        }
    }
}
