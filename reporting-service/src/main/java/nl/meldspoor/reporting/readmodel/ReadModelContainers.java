package nl.meldspoor.reporting.readmodel;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.platform.consuming.ConsumingProperties;
import nl.meldspoor.platform.consuming.DeadLetters;
import nl.meldspoor.platform.consuming.OrderedConsumers;
import nl.meldspoor.platform.consuming.PublishedEvents;
import nl.meldspoor.platform.consuming.ReplayableConsumer;
import nl.meldspoor.platform.consuming.ReplayableConsumers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One Kafka listener container per read model and generation, each in its own consumer group, with one consumer:
 * all partitions in one thread keeps every aggregate's events in order. A read model kept per generation
 * ({@link Generations}) is rebuilt beside the served one: a second container, in a new consumer group, replays
 * from offset 0 into the next generation while the first keeps the served one current; once the new one has
 * applied every partition as far as the old one, the pointer switches, the old container stops and its
 * collections are dropped. Every replica looks at the pointer each {@code switch-interval} and runs the
 * containers of the generations it names, so all replicas build and serve the same generations. Read models
 * named in {@code meldspoor.reporting.rebuild-on-startup} are rebuilt so at startup.
 */
@Component
public class ReadModelContainers implements SmartLifecycle, ReplayableConsumers {

    private static final Logger log = LoggerFactory.getLogger(ReadModelContainers.class);
    /** The summary of the events in each poll a read model applies, tagged {@code readModel}. */
    public static final String POLL_EVENTS = "meldspoor.reporting.poll.events";

    private record Running(ConcurrentMessageListenerContainer<String, byte[]> container, ReadModelConsumer consumer) {
    }

    private final Map<String, ReadModel> readModels = new LinkedHashMap<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Per read model, the served generation found written in an older view format at startup. */
    private final Map<String, Integer> olderFormat = new ConcurrentHashMap<>();
    private final List<ReplayableConsumer> replayable = new ArrayList<>();
    private final ConcurrentKafkaListenerContainerFactory<String, byte[]> factory;
    private final KafkaTemplate<Object, Object> deadLetterTemplate;
    private final PublishedEvents events;
    private final DeadLetters deadLetters;
    private final ReportingProperties properties;
    private final ReadModelRebuilds rebuilds;
    private final ReadModelPositions positions;
    private final Generations generations;
    private final GenerationSwitch generationSwitch;
    private final MongoTemplate mongo;
    private final ConsumingProperties consuming;
    private final MeterRegistry meters;
    private volatile boolean started;

    public ReadModelContainers(List<ReadModel> readModels, ConcurrentKafkaListenerContainerFactory<String, byte[]> factory,
                               KafkaTemplate<Object, Object> deadLetterTemplate, PublishedEvents events, ReadModelPositions positions,
                               ReadModelRebuilds rebuilds, ReportingProperties properties, MongoTemplate mongo, DeadLetters deadLetters,
                               Generations generations, GenerationSwitch generationSwitch, ConsumingProperties consuming,
                               MeterRegistry meters) {
        this.generationSwitch = generationSwitch;
        this.meters = meters;
        this.consuming = consuming;
        this.factory = factory;
        this.deadLetterTemplate = deadLetterTemplate;
        this.events = events;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.rebuilds = rebuilds;
        this.positions = positions;
        this.generations = generations;
        this.mongo = mongo;
        for (ReadModel readModel : readModels) {
            this.readModels.put(readModel.name(), readModel);
            replayable.add(new ReplayableConsumer() {
                @Override
                public String consumerName() {
                    return readModel.name();
                }

                @Override
                public void replay(ConsumerRecord<String, byte[]> record) {
                    // into every generation being consumed: the served one and one being rebuilt
                    running.values().stream().filter(run -> run.consumer().consumerName().equals(readModel.name())
                                    || run.consumer().consumerName().startsWith(readModel.name() + ".g"))
                            .forEach(run -> run.consumer().replay(record));
                }
            });
        }
    }

    /** The consumer (and position key) of a read model's generation; generation 0 keeps the name it always had. */
    static String consumerName(String readModel, int generation) {
        return generation == 0 ? readModel : readModel + ".g" + generation;
    }

    /** The consumer that keeps the served generation current: its positions and lag are the read model's. */
    public String servingConsumer(String readModel) {
        ReadModel model = readModels.get(readModel);
        return model != null && model.generational() ? consumerName(readModel, generations.active(readModel)) : readModel;
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
        return Optional.ofNullable(running.get(readModel)).map(Running::container);
    }

    /** Starts a rebuild: beside the served generation for read models kept per generation, else drop and replay. */
    synchronized boolean rebuild(String readModel) {
        ReadModel model = readModels.get(readModel);
        if (model == null) {
            return false;
        }
        if (model.generational()) {
            Optional<Generations.Building> startedOrJoined = generations.startBuilding(readModel, model.viewFormat());
            if (startedOrJoined.isEmpty()) {
                log.warn("Read model {} is being rebuilt in a newer view format than this replica's ({}); that rebuild goes on, "
                        + "kept by the replicas of that format", readModel, model.viewFormat());
                return true;
            }
            Generations.Building building = startedOrJoined.get();
            if (building.superseded() != null) {
                log.warn("Read model {}: generation {}, which a replica of an older view format was building, is replaced by "
                        + "generation {} in format {}", readModel, building.superseded(), building.generation(), model.viewFormat());
                generationSwitch.retire(model, building.superseded());
            }
            if (!building.startedNow()) {
                // clearing it would lose what its consumers (here or on another replica) applied and committed already
                log.info("Read model {} is being rebuilt into generation {} already; that rebuild goes on", readModel, building.generation());
            } else {
                log.info("Rebuilding read model {} into generation {} beside generation {}, which is served until the new one has caught up",
                        readModel, building.generation(), generations.active(readModel));
                model.collections(building.generation()).forEach(mongo::dropCollection);
                positions.forget(consumerName(readModel, building.generation()));
                rebuilds.replayingInto(readModel, building.generation());
            }
            if (started) {
                reconcile(model);
            }
            return true;
        }
        Optional<ConcurrentMessageListenerContainer<String, byte[]>> container = container(readModel);
        container.ifPresent(ConcurrentMessageListenerContainer::stop);
        prepareRebuild(readModel);
        container.ifPresent(ConcurrentMessageListenerContainer::start);
        return true;
    }

    /** Drops the read model's data and asks its consumer to replay from offset 0 at its next assignment. */
    void prepareRebuild(String readModel) {
        rebuilds.request(readModel);
        ReadModel model = readModels.get(readModel);
        model.collections().forEach(mongo::dropCollection);
        positions.forget(readModel);
        model.prepareStorage();
    }

    /** Runs the containers of the generations the pointer names; switches to a rebuilt generation that has caught up. */
    @Scheduled(fixedDelayString = "${meldspoor.reporting.switch-interval:1s}", initialDelayString = "${meldspoor.reporting.switch-interval:1s}")
    public synchronized void reconcile() {
        if (!started) {
            return;
        }
        for (ReadModel model : readModels.values()) {
            if (model.generational()) {
                try {
                    reconcile(model);
                } catch (RuntimeException e) {
                    log.warn("Could not reconcile the generations of read model {}: {}", model.name(), e.toString());
                }
            }
        }
    }

    private void reconcile(ReadModel model) {
        generationSwitch.switchIfCaughtUp(model);
        Generations.Pointer pointer = generations.pointer(model.name());
        Set<Integer> wanted = new HashSet<>();
        wanted.add(pointer.active());
        if (pointer.building() != null) {
            wanted.add(pointer.building());
        }
        Set<Integer> consumed = pointer.consumedBy(model.viewFormat(), olderFormat.get(model.name()));
        for (int generation : consumed) {
            String consumer = consumerName(model.name(), generation);
            if (!running.containsKey(consumer)) {
                model.prepareStorage(generation);
                Running run = create(model, generation);
                running.put(consumer, run);
                run.container().start();
            }
        }
        for (Map.Entry<String, Running> entry : List.copyOf(running.entrySet())) {
            ReadModelConsumer consumer = entry.getValue().consumer();
            boolean ofThisModel = entry.getKey().equals(model.name()) || entry.getKey().startsWith(model.name() + ".g");
            if (!ofThisModel || consumed.contains(consumer.generation())) {
                continue;
            }
            entry.getValue().container().stop();
            running.remove(entry.getKey());
            if (wanted.contains(consumer.generation())) {
                log.warn("Read model {}: generation {} is written in another view format than this replica's ({}); it is left to the "
                        + "replicas of that format", model.name(), consumer.generation(), model.viewFormat());
            } else {
                // a write of the stopped consumer may have recreated a dropped collection
                generationSwitch.retire(model, consumer.generation());
                log.info("Read model {} no longer consumes generation {}; its collections are dropped", model.name(), consumer.generation());
            }
        }
    }

    private Running create(ReadModel readModel, int generation) {
        String consumerName = consumerName(readModel.name(), generation);
        List<String> topics = readModel.topics(properties);
        positions.forgetOtherTopics(consumerName, topics);
        ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(topics.toArray(String[]::new));
        container.getContainerProperties().setGroupId(ReportingProperties.groupId(consumerName));
        container.getContainerProperties().setClientId("reporting-" + consumerName);
        container.setConcurrency(1);
        container.getContainerProperties().setKafkaConsumerProperties(consumerProperties(properties));
        // offsets of written polls only, at intervals: a read model is idempotent by aggregate sequence
        OrderedConsumers.commitEvery(container.getContainerProperties(), consuming.commitInterval());
        container.setBeanName(consumerName);
        container.setCommonErrorHandler(deadLetters.errorHandler(readModel.name(), deadLetterTemplate));
        ReadModelConsumer consumer = new ReadModelConsumer(readModel, generation, consumerName, events, positions, rebuilds,
                deadLetters.successes(readModel.name()), pollEvents(readModel.name()));
        container.setupMessageListener(new SeekAwareListener(consumer));
        return new Running(container, consumer);
    }

    /** What every read model's consumer is given beside the service's Kafka settings: the most records a poll holds. */
    static Properties consumerProperties(ReportingProperties properties) {
        Properties consumer = new Properties();
        consumer.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(properties.pollRecords()));
        return consumer;
    }

    /** The events of each poll a read model applies: how much of a backlog its bulk writes take at once. */
    private DistributionSummary pollEvents(String readModel) {
        return DistributionSummary.builder(POLL_EVENTS).description("Events in a poll a read model applies with one bulk write per collection")
                .tag("readModel", readModel).register(meters);
    }

    @Override
    public synchronized void start() {
        for (ReadModel model : readModels.values()) {
            if (!model.generational()) {
                model.prepareStorage();
            }
        }
        for (String readModel : properties.rebuildOnStartup()) {
            if (!readModels.containsKey(readModel)) {
                throw new IllegalStateException("Cannot rebuild unknown read model '" + readModel + "'; known: " + readModels.keySet());
            }
            log.info("Rebuilding read model {} from offset 0 at startup", readModel);
            if (!readModels.get(readModel).generational()) {
                prepareRebuild(readModel);
            } else {
                rebuild(readModel);
            }
        }
        upgradeOlderViewFormats();
        for (ReadModel model : readModels.values()) {
            if (!model.generational()) {
                Running run = create(model, 0);
                running.put(model.name(), run);
                run.container().start();
            }
        }
        started = true;
        for (ReadModel model : readModels.values()) {
            if (model.generational()) {
                reconcile(model);
            }
        }
    }

    /**
     * Drops and replays a plain read model whose documents were written by an older format (it says so itself). Starts a
     * rebuild beside every served generation written in an older view format (views holding their events, say,
     * from before an upgrade): this code can neither update those views nor read their history, so they are served as
     * they are, without a consumer, until the rebuilt generation has passed their positions and the pointer switches.
     */
    synchronized void upgradeOlderViewFormats() {
        for (ReadModel model : readModels.values()) {
            if (!model.generational()) {
                if (model.writtenByOlderFormat(0)) {
                    // no generation to serve meanwhile: dropped and replayed, as a rebuild of it always is
                    log.warn("Read model {} was written by an older format of its documents; dropping it and replaying it from offset 0",
                            model.name());
                    prepareRebuild(model.name());
                }
                continue;
            }
            Generations.Pointer pointer = generations.pointer(model.name());
            if (Integer.valueOf(model.viewFormat()).equals(pointer.format())) {
                continue;
            }
            if (!model.writtenByOlderFormat(pointer.active())) {
                generations.activeIsCurrentFormat(model.name(), pointer.active(), model.viewFormat());
                continue;
            }
            olderFormat.put(model.name(), pointer.active());
            log.warn("Read model {} serves generation {}, written by an older format of its views; rebuilding it beside that one, "
                    + "which is served unchanged until the rebuild switches", model.name(), pointer.active());
            rebuild(model.name());
        }
    }

    @Override
    public synchronized void stop() {
        started = false;
        running.values().forEach(run -> run.container().stop());
        running.clear();
    }

    @Override
    public boolean isRunning() {
        return started;
    }
}
