package nl.meldspoor.reporting.readmodel;

import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import nl.meldspoor.platform.consuming.ReplayableConsumers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * One Kafka listener container per read model, each in its own consumer group, with one consumer: all
 * partitions in one thread keeps every case's events in order and makes rebuilds simple. Read models
 * named in {@code meldspoor.reporting.rebuild-on-startup} are dropped and replayed from offset 0.
 */
@Component
public class ReadModelContainers implements SmartLifecycle, ReplayableConsumers {

    private static final Logger log = LoggerFactory.getLogger(ReadModelContainers.class);

    private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
    private final Map<String, ConcurrentMessageListenerContainer<String, byte[]>> containers = new LinkedHashMap<>();
    private final List<ReplayableConsumer> replayable = new ArrayList<>();
    private final ReportingProperties properties;
    private final ReadModelRebuilds rebuilds;
    private final ReadModelPositions positions;
    private final MongoTemplate mongo;
    private volatile boolean running;

    public ReadModelContainers(List<ReadModel> readModels, ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
                               KafkaTemplate<Object, Object> deadLetterTemplate, PublishedEvents events, ReadModelPositions positions,
                               ReadModelRebuilds rebuilds, ReportingProperties properties, MongoTemplate mongo, DeadLetters deadLetters) {
        this.properties = properties;
        this.rebuilds = rebuilds;
        this.positions = positions;
        this.mongo = mongo;
        for (ReadModel readModel : readModels) {
            ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(readModel.topics(properties).toArray(String[]::new));
            container.getContainerProperties().setGroupId(ReportingProperties.groupId(readModel.name()));
            container.getContainerProperties().setClientId("reporting-" + readModel.name());
            container.setConcurrency(1);
            container.setBeanName(readModel.name());
            container.setCommonErrorHandler(deadLetters.errorHandler(readModel.name(), deadLetterTemplate));
            container.setRecordInterceptor(deadLetters.successes(readModel.name()));
            ReadModelConsumer consumer = new ReadModelConsumer(readModel, events, positions, rebuilds);
            container.setupMessageListener(new SeekAwareListener(consumer));
            replayable.add(new ReplayableConsumer() {
                @Override
                public String consumerName() {
                    return readModel.name();
                }

                @Override
                public void replay(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
                    consumer.replay(record);
                }
            });
            this.readModels.put(readModel.name(), readModel);
            this.containers.put(readModel.name(), container);
        }
    }

    /** Each read model takes back the dead letters it parked. */
    @Override
    public Collection<ReplayableConsumer> replayableConsumers() {
        return List.copyOf(replayable);
    }

    public Map<String, ReadModel> readModels() {
        return readModels;
    }

    Optional<ConcurrentMessageListenerContainer<String, byte[]>> container(String readModel) {
        return Optional.ofNullable(containers.get(readModel));
    }

    /** Drops the read model's data and asks its consumer to replay from offset 0 at its next assignment. */
    void prepareRebuild(String readModel) {
        rebuilds.request(readModel);
        ReadModel model = readModels.get(readModel);
        model.collections().forEach(mongo::dropCollection);
        positions.forget(readModel);
        model.prepareStorage();
    }

    @Override
    public void start() {
        readModels.values().forEach(ReadModel::prepareStorage);
        for (String readModel : properties.rebuildOnStartup()) {
            if (!readModels.containsKey(readModel)) {
                throw new IllegalStateException("Cannot rebuild unknown read model '" + readModel + "'; known: " + readModels.keySet());
            }
            log.info("Rebuilding read model {} from offset 0 at startup", readModel);
            prepareRebuild(readModel);
        }
        containers.values().forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.values().forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
