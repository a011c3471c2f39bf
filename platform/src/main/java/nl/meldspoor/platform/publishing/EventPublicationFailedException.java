package nl.meldspoor.platform.publishing;

/** Kafka did not take the events; the publishing processor keeps its position and retries. */
public class EventPublicationFailedException extends RuntimeException {

    public EventPublicationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
