package nl.meldspoor.reporting.readmodel;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import org.bson.Document;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "fixture", matches = "true")
class OlderFormatFixtureWriter {
    @Test
    void write() throws Exception {
        try (InMemoryMongo mongo = new InMemoryMongo()) {
            CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", Instant.parse("2026-03-02T08:00:00Z"))
                    .consultedColleague().talkedToParents(true).noSuspicion();
            List<PublishedEvent> events = history.published();
            mongo.meldcodeCases().applyAll(events, 0);
            Document view = mongo.template().getCollection(CaseRecord.COLLECTION).find().first();
            view.remove("progress");
            view.remove("viewFormat");
            view.put("version", (long) events.size());
            view.put("events", events.stream().map(event -> HistoryEntry.bson(new HistoryEntry("x", event.aggregateId(), event.sequence(),
                    nl.meldspoor.platform.consuming.StoredEvent.of(event))).get("event")).toList());
            view.put("_class", "nl.meldspoor.reporting.meldcase.CaseRecord");
            java.nio.file.Files.writeString(java.nio.file.Path.of("src/test/resources/readmodel/meldcode_cases-format1.json"),
                    view.toJson(JsonWriterSettings.builder().indent(true).outputMode(org.bson.json.JsonMode.RELAXED).build()));
        }
    }
}
