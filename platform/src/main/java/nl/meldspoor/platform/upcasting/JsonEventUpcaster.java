package nl.meldspoor.platform.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One step from an earlier revision of a published event to a later one, on its stored JSON. The same step is used
 * where the event store is read (through Axon's upcaster chain) and where Kafka records of the earlier revision are
 * read ({@code PublishedEvents}), so every reader sees one shape.
 */
public interface JsonEventUpcaster {

    /** The event's class name, as stored and published. */
    String type();

    /** Whether this step reads the given stored revision ({@code null} when the event was stored without one). */
    boolean upcasts(String revision);

    /** The revision the step produces. */
    String toRevision();

    /** The JSON of the later revision; the argument may be changed and returned. */
    ObjectNode upcast(ObjectNode event);
}
