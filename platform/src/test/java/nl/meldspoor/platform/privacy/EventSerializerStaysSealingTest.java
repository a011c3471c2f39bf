package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
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
}
