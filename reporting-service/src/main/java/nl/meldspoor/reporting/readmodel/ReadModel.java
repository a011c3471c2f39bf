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

    /**
     * Whether the read model keeps its collections per generation ({@link Generations}): then a rebuild fills a
     * new generation beside the served one and switches when it has caught up; otherwise it is dropped and replayed.
     */
    default boolean generational() {
        return false;
    }

    /** The collections of one generation. */
    default List<String> collections(int generation) {
        return collections();
    }

    default void prepareStorage(int generation) {
        prepareStorage();
    }

    /**
     * Applies the events of one poll, in order, into one generation, writing once at the end. When one cannot be
     * applied it throws {@link ApplyFailure} with its index and writes nothing, so that the caller can apply the ones before it.
     */
    default void applyAll(List<PublishedEvent> events, int generation) {
        for (int i = 0; i < events.size(); i++) {
            try {
                apply(events.get(i));
            } catch (RuntimeException failure) {
                // the ones before it are written already; applying them again changes nothing
                throw new ApplyFailure(i, failure);
            }
        }
    }

    /**
     * Forgets what is remembered of the stored data (whether events are held, the views written last): another replica
     * may have changed it for the newly assigned partitions, or a replayed dead letter is about to.
     */
    default void heldEventsMayHaveChanged() {
    }

    /** A generation was dropped (switched away from, or replaced): what this replica keeps in memory of it goes too. */
    default void retired(int generation) {
    }

    /** The format of the views this code writes, recorded with the served generation; raised when the views gain what older ones lack. */
    default int viewFormat() {
        return AggregateDocument.CURRENT_FORMAT;
    }

    /**
     * Whether the generation was written by an older format of the views, which this code cannot update. A plain read
     * model (generation 0 only) that says so is dropped and replayed at startup.
     */
    default boolean writtenByOlderFormat(int generation) {
        return false;
    }

    /** Aggregates whose documents wait for a missing event (a gap in the aggregate's sequence); none for other read models. */
    default List<IncompleteAggregate> incompleteAggregates() {
        return List.of();
    }

    /**
     * The topics this read model consumes: both event topics, unless it needs only one context's events — a record it
     * would only decode and pass over still costs a poll, a decode, a position write and an offset commit.
     */
    default List<String> topics(ReportingProperties properties) {
        return properties.eventTopics();
    }
}
