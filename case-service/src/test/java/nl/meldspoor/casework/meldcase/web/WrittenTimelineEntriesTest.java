package nl.meldspoor.casework.meldcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.casework.meldcase.state.TimelineEntry;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * A timeline entry is written once per event object and then kept: the answer is what writing the entries afresh gives,
 * an event read again (after its texts were erased) is written again, and the kept entries stay within their bound.
 */
class WrittenTimelineEntriesTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static List<RecordedCaseEvent> recorded(List<MeldcodeCaseEvent> events) {
        List<RecordedCaseEvent> recorded = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            recorded.add(new RecordedCaseEvent("event-" + sequence, sequence, START.plusSeconds(60L * sequence), events.get(sequence)));
        }
        return recorded;
    }

    private JsonNode tree(Object value) throws Exception {
        return json.readTree(json.writeValueAsString(value));
    }

    private static List<RecordedCaseEvent> closedCase(String schoolId, boolean kindcheck) {
        return recorded(CaseHistoryBuilder.openedAt(schoolId, START).consultedColleague().talkedToParents(kindcheck).noSuspicion()
                .closed(CaseOutcome.NO_SUSPICION).events());
    }

    @Test
    void theWrittenEntriesAreWhatWritingThemAfreshGivesAndAreWrittenOncePerEvent() throws Exception {
        WrittenTimelineEntries entries = new WrittenTimelineEntries(json, 1000);
        List<RecordedCaseEvent> history = closedCase("school-a", true);

        List<RawValue> first = entries.of(history);
        List<RawValue> again = entries.of(history);

        assertThat(tree(first)).isEqualTo(tree(history.stream().map(TimelineEntry::of).toList()));
        assertThat(tree(first).get(0).path("type").asText()).isEqualTo("CaseOpened");
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i)).as("kept, not written again").isSameAs(first.get(i));
        }
        assertThat(entries.of(history.subList(0, 2))).as("as of a moment: the same kept entries").containsExactly(first.get(0), first.get(1));
    }

    @Test
    void anEventReadAgainIsWrittenAgainFromWhatItNowSays() throws Exception {
        WrittenTimelineEntries entries = new WrittenTimelineEntries(json, 1000);
        List<RawValue> before = entries.of(closedCase("school-a", true));

        // the history read again after an erasure: new objects under the same event ids, with other contents
        List<RecordedCaseEvent> readAgain = closedCase("school-b", false);
        List<RawValue> after = entries.of(readAgain);

        assertThat(after.get(0)).isNotSameAs(before.get(0));
        assertThat(tree(after)).isEqualTo(tree(readAgain.stream().map(TimelineEntry::of).toList()));
        assertThat(tree(after).toString()).contains("school-b").doesNotContain("school-a");
    }

    @Test
    void theKeptEntriesStayWithinTheirBound() {
        WrittenTimelineEntries bounded = new WrittenTimelineEntries(json, 3);
        List<RecordedCaseEvent> history = closedCase("school-a", true);
        assertThat(history.size()).isGreaterThan(3);
        List<RecordedCaseEvent> newest = history.subList(history.size() - 3, history.size());

        List<RawValue> all = bounded.of(history);
        assertThat(bounded.kept()).isEqualTo(3);
        assertThat(bounded.of(newest)).as("the newest stayed").containsExactlyElementsOf(all.subList(all.size() - 3, all.size()));
        assertThat(bounded.of(history.subList(0, 1)).get(0)).as("the first was let go: written again").isNotSameAs(all.get(0));
        assertThat(bounded.kept()).isEqualTo(3);

        WrittenTimelineEntries none = new WrittenTimelineEntries(json, 0);
        List<RawValue> once = none.of(history);
        assertThat(none.kept()).isZero();
        assertThat(none.of(history).get(0)).isNotSameAs(once.get(0));
    }
}
