package nl.meldspoor.platform.eventstore;

import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * The event store of every write service: Axon's embedded store, built as Axon's auto-configuration
 * builds it, but waking the tracking processors after the outer transaction commits and with the
 * fetch delay of {@link EventStoreProperties}. Between Axon's JDBC and core auto-configuration: the
 * storage engine exists, Axon's own store (missing-bean conditional) is not created.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass({EmbeddedEventStore.class, TransactionSynchronizationManager.class})
@ConditionalOnBean(EventStorageEngine.class)
@EnableConfigurationProperties({EventStoreProperties.class, AggregateCacheProperties.class})
public class EventStoreWakeUpAutoConfiguration {

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  EventStoreProperties properties) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.fetchDelay().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS);
        return properties.wakeAfterTransaction() ? new CommitAwareEventStore(builder) : builder.build();
    }

    /** Recently used aggregates, checked against the store's last sequence number on every use. */
    @Bean(name = AggregateCacheProperties.BEAN)
    @ConditionalOnMissingBean(name = AggregateCacheProperties.BEAN)
    FreshAggregateCache aggregateCache(AggregateCacheProperties properties, org.springframework.beans.factory.ObjectProvider<EventStore> eventStore) {
        // looked up once (on the first command, after the store is made), not for every command
        SingletonSupplier<EventStore> store = SingletonSupplier.of(eventStore::getObject);
        return new FreshAggregateCache(properties.maxEntries(), aggregateId -> store.obtain().lastSequenceNumberFor(aggregateId));
    }

    /** A snapshot after every {@code snapshot-after-events} events read on loading (sealed by SealedSnapshotSerializer). */
    @Bean(name = AggregateCacheProperties.SNAPSHOT_TRIGGER)
    @ConditionalOnMissingBean(name = AggregateCacheProperties.SNAPSHOT_TRIGGER)
    org.axonframework.eventsourcing.SnapshotTriggerDefinition sealedSnapshotTrigger(AggregateCacheProperties properties,
                                                                                   org.axonframework.eventsourcing.Snapshotter snapshotter) {
        return new org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotAfterEvents());
    }
}
