package nl.meldspoor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

/** The service asks the store for every index its notifications and case watches declare: Spring Data creates none. */
class StoreIndexesTest {

    @Test
    void theDeclaredIndexesAreCreated() {
        List<String> created = new CopyOnWriteArrayList<>();
        CommandListener createIndexes = new CommandListener() {
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
        try (InMemoryMongo mongo = new InMemoryMongo(createIndexes)) {
            new StoreIndexes(mongo.template()).afterPropertiesSet();
        }
        assertThat(created).containsExactlyInAnyOrder(
                "notifications {\"recipientId\": 1, \"createdAt\": -1}",
                "notifications {\"mail.status\": 1, \"mail.nextAttemptAt\": 1}",
                "case_watches {\"nextDueAt\": 1}");
    }
}
