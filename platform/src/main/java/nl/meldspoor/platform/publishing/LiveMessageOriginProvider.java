package nl.meldspoor.platform.publishing;

import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;

/**
 * Axon's {@link MessageOriginProvider} (the handled message's id as {@code correlationId} and its {@code traceId}, or its
 * id, as {@code traceId} of the messages its handling creates) for every message except an event that a tracking
 * processor reads back from the event store.
 *
 * <p>Why: Axon asks the correlation data of the message being handled for every message created meanwhile — also for
 * the result a batch records for each event it handles — and an event read back from the store has its metadata still
 * serialized, so {@link MessageOriginProvider} deserializes it for every event every publishing lane reads. That was
 * ~40 % of the staff lane's samples (which passes over nearly every event) in a profile of the case-service's write
 * path. The publishing lanes are the services' only tracking processors, and they create no messages but those results:
 * the metadata that events get from the command that caused them is unchanged.
 */
public final class LiveMessageOriginProvider implements CorrelationDataProvider {

    private final MessageOriginProvider origin = new MessageOriginProvider();

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return message instanceof TrackedEventMessage<?> ? Map.of() : origin.correlationDataFor(message);
    }
}
