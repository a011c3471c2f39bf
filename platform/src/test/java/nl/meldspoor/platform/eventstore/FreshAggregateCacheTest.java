package nl.meldspoor.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

class FreshAggregateCacheTest {

    static class Case {
        @AggregateIdentifier
        String id;

        Case(String id) {
            this.id = id;
        }
    }

    private final Map<String, Long> store = new HashMap<>();
    private final FreshAggregateCache cache = new FreshAggregateCache(3, id -> Optional.ofNullable(store.get(id)));

    private static AggregateCacheEntry<Case> entry(String id, long version) {
        return new AggregateCacheEntry<>(EventSourcedAggregate.reconstruct(new Case(id), AnnotatedAggregateMetaModelFactory.inspectAggregate(Case.class),
                version, false, SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER));
    }

    @Test
    void aCachedAggregateThatIsStillTheNewestVersionInTheStoreIsUsed() {
        AggregateCacheEntry<Case> cached = entry("case-1", 7);
        store.put("case-1", 7L);
        cache.put("case-1", cached);

        assertThat((Object) cache.get("case-1")).isSameAs(cached);
    }

    @Test
    void anAggregateAnotherReplicaWroteToSinceIsDroppedAndLoadedFromTheStore() {
        cache.put("case-1", entry("case-1", 7));
        store.put("case-1", 8L);

        assertThat((Object) cache.get("case-1")).isNull();
        assertThat(cache.containsKey("case-1")).isFalse();
    }

    @Test
    void theCacheHoldsAtMostItsMaximumAndDropsTheLeastRecentlyUsed() {
        for (int i = 1; i <= 3; i++) {
            store.put("case-" + i, 0L);
            cache.put("case-" + i, entry("case-" + i, 0));
        }
        cache.get("case-1");
        store.put("case-4", 0L);
        cache.put("case-4", entry("case-4", 0));

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.containsKey("case-2")).isFalse();
        assertThat(cache.containsKey("case-1")).isTrue();
    }
}
