package nl.meldspoor.reporting.pupil;

import nl.meldspoor.platform.testing.history.PupilHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PupilSignalsTest {

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final PupilSignals readModel = mongo.pupilSignals();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void aPupilsSignalsAreKeptWithTheirFactsAndDuplicatesChangeNothing() {
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("family-7")
                .signal("school-a", Instant.parse("2026-09-10T08:00:00Z"), SignalCategory.HOME_SITUATION, SignalFlag.HONOUR_RELATED)
                .signal("school-c", Instant.parse("2026-10-01T08:00:00Z"), SignalCategory.BULLYING)
                .escalatedFirstSignal(Instant.parse("2026-10-02T08:00:00Z"));
        List<PublishedEvent> events = pupil.published();
        events.forEach(readModel::apply);
        events.forEach(readModel::apply);

        PupilRecord record = mongo.template().findById(pupil.pupilRef(), PupilRecord.class);
        assertThat(record.events()).hasSize(3);
        assertThat(record.familyRef()).isEqualTo("family-7");
        assertThat(record.signals()).extracting(SignalFact::schoolId).containsExactly("school-a", "school-c");
        assertThat(record.signals().get(0).urgent()).isTrue();
        assertThat(record.signals().get(0).escalated()).isTrue();
        assertThat(record.signals().get(1).escalated()).isFalse();
    }
}
