package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.pupil.PupilRecord;
import nl.meldspoor.reporting.pupil.PupilSignals;
import nl.meldspoor.reporting.pupil.fold.PupilFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The pupil's file the overview reads from the stored view is, in JSON, the file folded from the pupil's whole history
 * (what the overview computed per request before): for the generated board's pupils delivered with redeliveries and gaps.
 */
class StoredPupilFileIsTheFoldOfItsHistoryTest {

    private static final ObjectMapper JSON = CaseHistoryBuilder.JSON;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final PupilSignals pupils = mongo.pupilSignals();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void everyStoredPupilFileOfAGeneratedBoardGivesTheJsonOfTheFoldOverItsWholeHistory() throws Exception {
        GeneratedBoard board = new GeneratedBoard(5, 0, 0, 200);
        for (List<PublishedEvent> poll : board.deliveredWithRedeliveriesAndGaps(5)) {
            pupils.applyAll(poll, 0);
        }
        LocalDate today = LocalDate.of(2029, 1, 15);
        for (List<PublishedEvent> aggregate : board.aggregates) {
            PupilFiles folded = new PupilFiles();
            aggregate.forEach(event -> folded.apply((PupilFileEvent) event.payload()));
            PupilRecord view = pupils.view(aggregate.get(0).aggregateId());
            assertThat(JSON.writeValueAsString(pupils.file(view).orElseThrow().signals(today)))
                    .isEqualTo(JSON.writeValueAsString(folded.signals(today)));
        }
    }
}
