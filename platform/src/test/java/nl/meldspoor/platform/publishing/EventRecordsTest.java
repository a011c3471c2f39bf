package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.EventHeaders;
import nl.meldspoor.api.common.SchoolFact;
import nl.meldspoor.api.common.Role;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A stored event goes to Kafka as it was stored: its sealed JSON is not deserialized (its texts are not opened and
 * sealed again) on the way, and the school headers come from that JSON.
 */
class EventRecordsTest {

    record SomethingNoted(String schoolId, Actor actor, Instant occurredAt, String sealedNote) implements SchoolFact {
    }

    record Unrelated(String what) {
    }

    private final CountingSerializer serializer = new CountingSerializer(false);
    private final EventRecords records = new EventRecords(serializer,
            new EventPublishingProperties(null, "meldspoor.case-events", "MeldcodeCase", null, null, null, null, Map.of(), null));

    @Test
    void aStoredSchoolFactIsPublishedAsStoredWithItsSchoolHeadersAndIsNeverDeserialized() {
        Instant occurred = Instant.parse("2026-03-04T09:15:30.123Z");
        DomainEventMessage<?> stored = asStored(new SomethingNoted("school-a", new Actor("ib-anna", Role.CARE_COORDINATOR), occurred,
                "sealed:v1:abc"));
        byte[] storedJson = serializer.serialize(new SomethingNoted("school-a", new Actor("ib-anna", Role.CARE_COORDINATOR), occurred,
                "sealed:v1:abc"), byte[].class).getData();
        serializer.deserializations.set(0);

        ProducerRecord<String, byte[]> record = records.toRecord(stored);

        assertThat(record.value()).isEqualTo(storedJson);
        assertThat(header(record, EventHeaders.SCHOOL)).isEqualTo("school-a");
        assertThat(header(record, EventHeaders.OCCURRED_AT)).isEqualTo(occurred.toString());
        assertThat(header(record, EventHeaders.AGGREGATE_SEQUENCE)).isEqualTo("3");
        assertThat(record.key()).isEqualTo("case-1");
        assertThat(serializer.deserializations).as("payload deserializations").hasValue(0);
    }

    @Test
    void anEventThatIsNoSchoolFactGetsNoSchoolHeaders() {
        ProducerRecord<String, byte[]> record = records.toRecord(asStored(new Unrelated("x")));

        assertThat(record.headers().lastHeader(EventHeaders.SCHOOL)).isNull();
        assertThat(serializer.deserializations).hasValue(0);
    }

    @Test
    void aSchoolFactWhoseJsonHasAnotherShapeIsReadThroughItsPayloadAndStillGetsItsHeaders() {
        CountingSerializer numbers = new CountingSerializer(true);
        EventRecords publishing = new EventRecords(numbers,
                new EventPublishingProperties(null, "meldspoor.case-events", "MeldcodeCase", null, null, null, null, Map.of(), null));
        Instant occurred = Instant.parse("2026-03-04T09:15:30Z");

        ProducerRecord<String, byte[]> record = publishing.toRecord(asStored(numbers,
                new SomethingNoted("school-b", new Actor("ib-anna", Role.CARE_COORDINATOR), occurred, "sealed:v1:abc")));

        assertThat(header(record, EventHeaders.SCHOOL)).isEqualTo("school-b");
        assertThat(header(record, EventHeaders.OCCURRED_AT)).isEqualTo(occurred.toString());
        assertThat(numbers.deserializations).hasValue(1);
    }

    private DomainEventMessage<?> asStored(Object payload) {
        return asStored(serializer, payload);
    }

    private static DomainEventMessage<?> asStored(CountingSerializer serializer, Object payload) {
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        return new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 3,
                new SerializedMessage<>("event-1", data, metaData, serializer), Instant.parse("2026-03-04T09:16:00Z"));
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Axon's Jackson serializer, counting what it deserializes other than meta data. */
    private static final class CountingSerializer extends JacksonSerializer {

        final AtomicInteger deserializations = new AtomicInteger();

        /** Times as ISO text, as the services' mapper writes them, or (an unexpected shape) as numbers. */
        CountingSerializer(boolean timesAsNumbers) {
            super(JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()
                    .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, timesAsNumbers)));
        }

        @Override
        public <S, T> T deserialize(SerializedObject<S> serializedObject) {
            T value = super.deserialize(serializedObject);
            if (!(value instanceof MetaData)) {
                deserializations.incrementAndGet();
            }
            return value;
        }
    }
}
