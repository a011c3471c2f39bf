package nl.meldspoor.reporting.readmodel;

import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;

/**
 * A read model built from the published events by its own Kafka consumer group, so that it can be
 * dropped and rebuilt from offset 0 on its own.
 */
public interface ReadModel {

    /** Stable name; also the listener id and part of the consumer group. */
    String name();

    /** The collections holding this read model, dropped when it is rebuilt. */
    List<String> collections();

    /** Creates what the read model's queries need (indexes); called at startup and after a drop. */
    void prepareStorage();

    /**
     * Applies one event. Must be idempotent: an event delivered again, or replayed, changes nothing.
     * Events of one aggregate arrive in order.
     */
    void apply(PublishedEvent event);

    /** Aggregates whose documents wait for a missing event (a gap in the aggregate's sequence); none for other read models. */
    default List<IncompleteAggregate> incompleteAggregates() {
        return List.of();
    }

    /** The topics this read model consumes: the event topics, unless it reads another. */
    default List<String> topics(ReportingProperties properties) {
        return properties.topics();
    }
}
