package nl.meldspoor.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.junit.jupiter.api.Test;

class LiveMessageOriginProviderTest {

    private final LiveMessageOriginProvider provider = new LiveMessageOriginProvider();

    @Test
    void aCommandPassesOnItsOriginAsAxonsProviderDoes() {
        CommandMessage<String> command = GenericCommandMessage.<String>asCommandMessage("consult a colleague")
                .andMetaData(Map.of("traceId", "request-1"));

        assertPassesOnItsOriginAsAxonsProviderDoes(command);
    }

    @Test
    void anEventJustAppliedPassesOnItsOriginAsAxonsProviderDoes() {
        GenericDomainEventMessage<String> applied = new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 3, "consulted",
                MetaData.with("traceId", "request-1"));

        assertPassesOnItsOriginAsAxonsProviderDoes(applied);
    }

    private void assertPassesOnItsOriginAsAxonsProviderDoes(Message<?> handled) {
        Map<String, ?> passedOn = provider.correlationDataFor(handled);

        assertThat(passedOn).isEqualTo(new MessageOriginProvider().correlationDataFor(handled));
        assertThat(passedOn.get("traceId")).isEqualTo("request-1");
        assertThat(passedOn.get("correlationId")).isEqualTo(handled.getIdentifier());
    }

    @Test
    void anEventReadBackFromTheStoreIsNotAskedForItsMetadata() {
        GenericDomainEventMessage<String> stored = new GenericDomainEventMessage<>("MeldcodeCase", "case-1", 3, "consulted") {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the stored event's metadata was deserialized");
            }
        };
        var readBack = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(41), stored);

        assertThat(provider.correlationDataFor(readBack)).isEmpty();
    }
}
