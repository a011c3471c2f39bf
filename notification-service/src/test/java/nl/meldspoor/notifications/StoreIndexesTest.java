package nl.meldspoor.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.UncategorizedMongoDbException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.IndexOptions;

/** The service asks the store for every index its notifications and case watches declare: Spring Data creates none. */
class StoreIndexesTest {

    private static final List<String> DECLARED = List.of(
            "notifications {\"recipientId\": 1, \"createdAt\": -1}",
            "notifications {\"mail.status\": 1, \"mail.nextAttemptAt\": 1}",
            "case_watches {\"nextDueAt\": 1}");

    private final List<String> created = new CopyOnWriteArrayList<>();
    private final CommandListener createIndexes = new CommandListener() {
        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (event.getCommandName().equals("createIndexes")) {
                BsonDocument command = event.getCommand();
                for (BsonValue index : command.getArray("indexes")) {
                    created.add(command.getString("createIndexes").getValue() + " " + index.asDocument().getDocument("key").toJson());
                }
            }
        }
    };

    @Test
    void theDeclaredIndexesAreCreated() {
        try (InMemoryMongo mongo = new InMemoryMongo(createIndexes)) {
            new StoreIndexes(mongo.template()).afterPropertiesSet();
        }
        assertThat(created).containsExactlyInAnyOrderElementsOf(DECLARED);
    }

    @Test
    void anIndexThatConflictsWithOneCreatedByHandIsLeftAndTheOthersAreCreated() {
        try (InMemoryMongo mongo = new InMemoryMongo(createIndexes)) {
            new StoreIndexes(refusing(mongo.template(), "mail.status", 85)).afterPropertiesSet();
        }
        assertThat(created).containsExactlyInAnyOrder(DECLARED.get(0), DECLARED.get(2));
    }

    @Test
    void anyOtherRefusalStopsTheStart() {
        try (InMemoryMongo mongo = new InMemoryMongo(createIndexes)) {
            assertThatThrownBy(() -> new StoreIndexes(refusing(mongo.template(), "mail.status", 13)).afterPropertiesSet())
                    .isInstanceOf(DataAccessException.class);
        }
    }

    /** A template whose store refuses the index on {@code field} with MongoDB's error {@code code}, and creates the others. */
    private static MongoTemplate refusing(MongoTemplate template, String field, int code) {
        return new MongoTemplate(template.getMongoDatabaseFactory(), template.getConverter()) {
            @Override
            public IndexOperations indexOps(Class<?> entityClass) {
                IndexOperations real = super.indexOps(entityClass);
                return new IndexOperations() {
                    @Override
                    public String createIndex(IndexDefinition index) {
                        if (index.getIndexKeys().containsKey(field)) {
                            throw new UncategorizedMongoDbException("refused", new MongoCommandException(new BsonDocument("ok", new BsonInt32(0))
                                    .append("code", new BsonInt32(code)).append("errmsg", new BsonString("refused by the test")), new ServerAddress()));
                        }
                        return real.createIndex(index);
                    }

                    @Override
                    public void alterIndex(String name, IndexOptions options) {
                        real.alterIndex(name, options);
                    }

                    @Override
                    public void dropIndex(String name) {
                        real.dropIndex(name);
                    }

                    @Override
                    public void dropAllIndexes() {
                        real.dropAllIndexes();
                    }

                    @Override
                    public List<IndexInfo> getIndexInfo() {
                        return real.getIndexInfo();
                    }
                };
            }
        };
    }
}
