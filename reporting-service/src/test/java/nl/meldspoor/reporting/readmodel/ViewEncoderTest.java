package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.incident.IncidentRecord;
import nl.meldspoor.reporting.meldcase.CaseRecord;
import nl.meldspoor.reporting.pupil.PupilRecord;
import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Views written straight into BSON are the documents the converter writes: the same fields in the same order with the
 * same BSON types, for every view of a generated board; and what the encoder does not know is left to the converter.
 */
class ViewEncoderTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MongoTemplate template = mongo.template();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void everyViewOfAGeneratedBoardIsStoredAsTheConverterWritesIt() {
        GeneratedBoard board = new GeneratedBoard(21, 200, 80, 100);
        var cases = mongo.meldcodeCases();
        var incidents = mongo.incidentRegister();
        var pupils = mongo.pupilSignals();
        List<AggregateDocumentReadModel<?>> readModels = List.of(cases, incidents, pupils);
        for (int from = 0; from < board.events(); from += 500) {
            List<nl.meldspoor.platform.consuming.PublishedEvent> poll = board.inOrder.subList(from, Math.min(board.events(), from + 500));
            readModels.forEach(readModel -> readModel.applyAll(poll, 0));
        }

        int compared = 0;
        compared += storedAsTheConverterWritesThem(CaseRecord.class, CaseRecord.COLLECTION, cases.viewFormat());
        compared += storedAsTheConverterWritesThem(IncidentRecord.class, IncidentRecord.COLLECTION, incidents.viewFormat());
        compared += storedAsTheConverterWritesThem(PupilRecord.class, PupilRecord.COLLECTION, pupils.viewFormat());
        assertThat(compared).isGreaterThan(350);

        // the board's cases reach what the encoder writes in its own ways: dates, enums, maps, nested lists
        String stored = String.join("\n", template.getCollection(Generations.nameOf(CaseRecord.COLLECTION, 0)).find()
                .map(document -> document.toJson(EXACT)).into(new ArrayList<>()));
        assertThat(stored).contains("\"activeHelpTerm\": {\"$date\"", "\"due\": {\"$date\"", "\"answers\": {\"VERMOEDEN\"",
                "\"outcomeNextQuestion\": \"", "\"pendingMeldnorm\": \"", "\"signals\": [{\"signalId\"", "\"version\": {\"$numberLong\"",
                "\"currentStep\": {\"$numberInt\"", "\"_class\": \"nl.meldspoor.reporting.meldcase.CaseRecord\"");
    }

    @Test
    void aLocalDateIsWrittenInTheConvertersZone() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
            Dated view = new Dated();
            view.id = "d-1";
            view.day = LocalDate.of(2026, 3, 29);
            view.at = Instant.parse("2026-03-29T01:30:00.123456Z");
            assertThat(json(encoder(Dated.class).encode(view, "d-1", "viewFormat", 2))).isEqualTo(json(converted(view, "d-1", 2)));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void stringsAreWrittenAsBsonWritesThem() {
        ViewEncoder<WithAMap> encoder = encoder(WithAMap.class);
        for (String text : List.of("", "plain", "Zorgen over Zoë's blauwe plekken — ’s ochtends", "emoji \uD83D\uDE00 paired",
                "unpaired \uD800 high", "unpaired \uDC00 low", "a null \u0000 inside", "x".repeat(20_000) + "é")) {
            WithAMap view = new WithAMap();
            view.id = "s-1";
            view.items.add(text);
            view.answers.put("VERMOEDEN", text);
            view.inner = new Inner();
            view.inner.note = text;
            assertThat(bytes(encoder.encode(view, "s-1", "viewFormat", 2)))
                    .as("the bytes of %s", text.length() > 80 ? text.substring(0, 80) + "…" : text)
                    .isEqualTo(bytes(converted(view, "s-1", 2)));
        }
        WithAMap nullInAKey = new WithAMap();
        nullInAKey.answers.put("a\u0000b", "JA");
        assertThatThrownBy(() -> encoder.encode(nullInAKey, "s-2", "viewFormat", 2)).isInstanceOf(org.bson.BsonSerializationException.class);
    }

    @Test
    void aTypeWithAFieldItDoesNotKnowIsLeftToTheConverter() {
        assertThat(ViewEncoder.of(template.getConverter(), WithAnAmount.class)).isEmpty();
        assertThat(ViewEncoder.of(template.getConverter(), WithAnIdInside.class)).isEmpty();
        assertThat(ViewEncoder.of(template.getConverter(), CaseRecord.class)).isPresent();
    }

    @Test
    void aValueThatNeedsTheConvertersHandlingIsLeftToIt() {
        ViewEncoder<WithAMap> encoder = encoder(WithAMap.class);
        WithAMap plain = new WithAMap();
        plain.id = "m-1";
        plain.count = 7L;
        plain.answers.put("VERMOEDEN", "JA");
        plain.inner = new Inner();
        plain.inner.note = "n";
        assertThat(json(encoder.encode(plain, "m-1", "viewFormat", 2))).isEqualTo(json(converted(plain, "m-1", 2)));

        WithAMap dotted = new WithAMap();
        dotted.answers.put("a.b", "JA");
        assertThat(encoder.encode(dotted, "m-2", "viewFormat", 2)).as("a map key with a dot").isNull();

        WithAMap subclassed = new WithAMap();
        subclassed.inner = new SpecialInner();
        assertThat(encoder.encode(subclassed, "m-3", "viewFormat", 2)).as("a subclass, which gets a type hint").isNull();
        assertThat(converted(subclassed, "m-3", 2).toJson()).contains("\"_class\": \"" + SpecialInner.class.getName() + "\"");

        WithAMap withANull = new WithAMap();
        withANull.items.add(null);
        assertThat(encoder.encode(withANull, "m-4", "viewFormat", 2)).as("a null in a list").isNull();
    }

    private <D> int storedAsTheConverterWritesThem(Class<D> type, String collection, int format) {
        String name = Generations.nameOf(collection, 0);
        List<Document> stored = template.getCollection(name).find().into(new ArrayList<>());
        assertThat(stored).isNotEmpty();
        for (Document document : stored) {
            String id = document.getString("_id");
            D view = template.getConverter().read(type, document);
            Document expected = converted(view, id, format);
            // the store keeps a replaced view's fields where they were (mongo-java-server): the same fields and types, in any order
            assertThat(document.toBsonDocument()).as("%s %s", collection, id).isEqualTo(expected.toBsonDocument());
            assertThat(json(encoder(type).encode(view, id, AggregateDocument.FORMAT_FIELD, format))).isEqualTo(expected.toJson(EXACT));
        }
        return stored.size();
    }

    private Document converted(Object view, String id, int format) {
        return AggregateDocumentReadModel.mapped(template.getConverter(), view, id, format);
    }

    private <D> ViewEncoder<D> encoder(Class<D> type) {
        return ViewEncoder.of(template.getConverter(), type).orElseThrow();
    }

    private static byte[] bytes(Document document) {
        return bytes(new RawBsonDocument(document, new DocumentCodec()));
    }

    private static byte[] bytes(RawBsonDocument document) {
        java.nio.ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String json(BsonDocument document) {
        return document.toJson(EXACT);
    }

    private static String json(Document document) {
        return document.toJson(EXACT);
    }

    static class Dated {
        @Id
        String id;
        LocalDate day;
        Instant at;
    }

    static class WithAnAmount {
        @Id
        String id;
        BigDecimal amount;
    }

    static class WithAnIdInside {
        @Id
        String id;
        Identified inner;
    }

    record Identified(String id, String name) {
    }

    static class WithAMap {
        @Id
        String id;
        Map<String, String> answers = new LinkedHashMap<>();
        List<String> items = new ArrayList<>();
        Inner inner;
        Long count;
    }

    static class Inner {
        String note;
    }

    static class SpecialInner extends Inner {
        int extra = 1;
    }
}
