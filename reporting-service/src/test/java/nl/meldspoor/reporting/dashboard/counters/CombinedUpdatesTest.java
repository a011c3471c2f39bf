package nl.meldspoor.reporting.dashboard.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CombinedUpdatesTest {

    private static UpdateOneModel<Document> addition(String aggregate, int days, int totals) {
        return new UpdateOneModel<>(new Document("_id", "school-a|2025-03").append("adding." + aggregate, new Document("$exists", false)),
                new Document("$set", new Document("adding." + aggregate, new Document("sequence", 3L)))
                        .append("$inc", new Document("days.2025-03-03.casesOpened", days).append("totals.casesOpened", totals))
                        .append("$setOnInsert", new Document("format", 5).append("schoolId", "school-a")),
                new UpdateOptions().upsert(true));
    }

    @Test
    void theAmountsAreSummedTheGuardsAndConditionsTakenTogether() {
        UpdateOneModel<Document> combined = CombinedUpdates.combined(List.of(addition("case-1", 1, 1), addition("case-2", 1, 1),
                addition("case-3", -1, 0)), new UpdateOptions().upsert(true));

        assertThat((Document) combined.getFilter()).isEqualTo(new Document("_id", "school-a|2025-03")
                .append("adding.case-1", new Document("$exists", false)).append("adding.case-2", new Document("$exists", false))
                .append("adding.case-3", new Document("$exists", false)));
        Document update = (Document) combined.getUpdate();
        assertThat(update.get("$inc", Document.class)).isEqualTo(new Document("days.2025-03-03.casesOpened", 1).append("totals.casesOpened", 2));
        assertThat(update.get("$set", Document.class).keySet()).containsExactly("adding.case-1", "adding.case-2", "adding.case-3");
        assertThat(update.get("$setOnInsert", Document.class)).isEqualTo(new Document("format", 5).append("schoolId", "school-a"));
        assertThat(combined.getOptions().isUpsert()).isTrue();
    }

    @Test
    void twoPartsThatSetOneFieldDifferentlyAreRefused() {
        UpdateOneModel<Document> one = new UpdateOneModel<>(new Document("_id", "m"), new Document("$set", new Document("a", 1)));
        UpdateOneModel<Document> other = new UpdateOneModel<>(new Document("_id", "m"), new Document("$set", new Document("a", 2)));
        UpdateOneModel<Document> elsewhere = new UpdateOneModel<>(new Document("_id", "n"), new Document("$set", new Document("b", 1)));

        assertThatThrownBy(() -> CombinedUpdates.combined(List.of(one, other), new UpdateOptions()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a in $set");
        assertThatThrownBy(() -> CombinedUpdates.combined(List.of(one, elsewhere), new UpdateOptions()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("_id in filter");
    }
}
