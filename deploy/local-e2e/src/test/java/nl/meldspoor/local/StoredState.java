package nl.meldspoor.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * What the local system has stored: the events in each event store, the end of every Kafka topic and
 * partition, and every document of every read model. Two snapshots are equal when nothing was written.
 */
record StoredState(Map<String, Long> eventStores, Map<String, Long> topicEnds, Map<String, String> readModels) {

    private static final List<String> MONGO_DATABASES = List.of("reporting", "notifications");
    /** The write services' databases; the web application's holds only sessions. */
    private static final List<String> EVENT_STORES = List.of("cases", "signals");

    static StoredState of(Engines engines) throws Exception {
        return new StoredState(eventStores(engines), topicEnds(engines), readModels(engines));
    }

    private static Map<String, Long> eventStores(Engines engines) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String database : EVENT_STORES) {
            try (Connection connection = DriverManager.getConnection(engines.jdbcUrl(database), "postgres", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*), coalesce(max(globalindex), 0) FROM domainevententry")) {
                rows.next();
                counts.put(database + " events", rows.getLong(1));
                counts.put(database + " last global index", rows.getLong(2));
            }
        }
        return counts;
    }

    private static Map<String, Long> topicEnds(Engines engines) throws ExecutionException, InterruptedException {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", engines.kafkaBootstrapServers());
        try (AdminClient admin = AdminClient.create(properties)) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(false)).names().get();
            Map<TopicPartition, OffsetSpec> partitions = new java.util.HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(partition -> partitions.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toString(), entry -> entry.getValue().offset(), (a, b) -> a, TreeMap::new));
        }
    }

    private static Map<String, String> readModels(Engines engines) {
        Map<String, String> documents = new TreeMap<>();
        try (MongoClient client = MongoClients.create(engines.mongoUri("admin"))) {
            for (String name : MONGO_DATABASES) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    List<String> all = new ArrayList<>();
                    for (Document document : database.getCollection(collection).find()) {
                        all.add(document.toJson());
                    }
                    all.sort(String::compareTo);
                    documents.put(name + "." + collection, String.join("\n", all));
                }
            }
        }
        return documents;
    }

    /** What differs from an earlier snapshot, for a failure message. */
    String differencesFrom(StoredState earlier) {
        List<String> differences = new ArrayList<>();
        compare("event store", earlier.eventStores, eventStores, differences);
        compare("Kafka", earlier.topicEnds, topicEnds, differences);
        compare("read model", earlier.readModels, readModels, differences);
        return String.join("\n", differences);
    }

    private static <V> void compare(String what, Map<String, V> before, Map<String, V> after, List<String> differences) {
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                String was = String.valueOf(before.get(key));
                String is = String.valueOf(after.get(key));
                differences.add(what + " " + key + ": " + abbreviate(was) + " -> " + abbreviate(is));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
