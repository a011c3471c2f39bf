package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A read model built event by event as Kafka really delivers — redelivered polls, duplicates, events that overtake
 * a dead-lettered predecessor — stores exactly what a rebuild from offset 0 stores, field by field.
 */
class RebuildEqualsIncrementalTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final List<AggregateDocumentReadModel<?>> readModels = List.of(mongo.meldcodeCases(), mongo.incidentRegister(), mongo.pupilSignals());

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aRebuildOfAGeneratedBoardStoresEveryViewAsTheIncrementallyBuiltOne() {
        GeneratedBoard board = new GeneratedBoard(14, 150, 60, 80);
        List<List<PublishedEvent>> polls = board.deliveredWithRedeliveriesAndGaps(14);
        assertThat(polls.stream().mapToInt(List::size).sum()).as("redeliveries and duplicates").isGreaterThan(board.events());

        for (List<PublishedEvent> poll : polls) {
            readModels.forEach(readModel -> readModel.applyAll(poll, 0));
        }
        for (AggregateDocumentReadModel<?> readModel : readModels) {
            readModel.prepareStorage(1);
            for (int from = 0; from < board.events(); from += 500) {
                readModel.applyAll(board.inOrder.subList(from, Math.min(board.events(), from + 500)), 1);
            }
        }

        int compared = 0;
        for (AggregateDocumentReadModel<?> readModel : readModels) {
            assertThat(readModel.incompleteAggregates()).as("%s waits for nothing", readModel.name()).isEmpty();
            List<String> incremental = readModel.collections(0);
            List<String> rebuilt = readModel.collections(1);
            for (int i = 0; i < incremental.size(); i++) {
                List<Document> before = all(incremental.get(i));
                List<Document> after = all(rebuilt.get(i));
                assertThat(after).as("%s rebuilt equals %s built incrementally", rebuilt.get(i), incremental.get(i)).isEqualTo(before);
                if (rebuilt.get(i).equals(Generations.nameOf(nl.meldspoor.reporting.meldcase.CaseRecord.COLLECTION, 1))) {
                    // the stored dossier is part of each case's view, so it is compared too: make sure it is there
                    assertThat(after).isNotEmpty().allSatisfy(view -> assertThat(view.getString("dossier")).as("dossier of %s", view.get("_id"))
                            .contains("\"version\""));
                }
                compared += before.size();
            }
        }
        // views plus one history entry per event (incidents keep no history)
        assertThat(compared).isGreaterThan(board.events());
    }

    private List<Document> all(String collection) {
        List<Document> documents = new ArrayList<>();
        mongo.template().getCollection(collection).find().sort(new Document("_id", 1)).forEach(document -> {
            document.remove("heldSince");
            documents.add(document);
        });
        return documents;
    }
}
