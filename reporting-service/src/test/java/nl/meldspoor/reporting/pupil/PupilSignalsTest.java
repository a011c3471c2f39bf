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
        assertThat(readModel.history(pupil.pupilRef())).hasSize(3);
        assertThat(record.familyRef()).isEqualTo("family-7");
        assertThat(record.signals()).extracting(SignalFact::schoolId).containsExactly("school-a", "school-c");
        assertThat(record.signals().get(0).urgent()).isTrue();
        assertThat(record.signals().get(0).escalated()).isTrue();
        assertThat(record.signals().get(1).escalated()).isFalse();
    }

    /** The read model keeps events as published; a signal published before the body map (no {@code bodyMap}) reads as one without marks. */
    @Test
    void aSignalFromBeforeTheBodyMapAndOneWithMarksAreBothKept() throws Exception {
        PupilHistoryBuilder pupil = PupilHistoryBuilder.pupil("family-8")
                .signal("school-a", Instant.parse("2026-09-10T08:00:00Z"), SignalCategory.HOME_SITUATION)
                .signal("school-a", Instant.parse("2026-09-11T08:00:00Z"), SignalCategory.HOME_SITUATION);
        List<PublishedEvent> events = pupil.published();
        PublishedEvent old = events.get(0);
        var oldJson = (com.fasterxml.jackson.databind.node.ObjectNode) nl.meldspoor.platform.testing.history.CaseHistoryBuilder.JSON.readTree(old.json());
        oldJson.remove("bodyMap");
        nl.meldspoor.api.signal.SignalRecorded second = (nl.meldspoor.api.signal.SignalRecorded) events.get(1).payload();
        nl.meldspoor.api.signal.SignalRecorded withMarks = new nl.meldspoor.api.signal.SignalRecorded(second.pupilRef(), second.schoolId(),
                second.actor(), second.occurredAt(), second.signalId(), second.familyRef(), second.content(), second.urgentPath(),
                List.of(new nl.meldspoor.api.signal.BodyMark(nl.meldspoor.api.signal.BodyRegion.LEG, nl.meldspoor.api.signal.BodyView.BACK,
                        nl.meldspoor.api.signal.BodySide.RIGHT, nl.meldspoor.api.signal.InjuryKind.BRUISE, 5.0,
                        nl.meldspoor.api.signal.InjuryColour.PURPLE, "Streepvormig.")));
        readModel.apply(new PublishedEvent(old.eventId(), old.type(), "2", old.aggregateId(), old.sequence(), old.recordedAt(), old.payload(),
                oldJson.toString()));
        readModel.apply(new PublishedEvent(events.get(1).eventId(), events.get(1).type(), "3", pupil.pupilRef(), 1, withMarks.occurredAt(),
                withMarks, nl.meldspoor.platform.testing.history.CaseHistoryBuilder.JSON.writeValueAsString(withMarks)));

        PupilRecord record = mongo.template().findById(pupil.pupilRef(), PupilRecord.class);
        assertThat(readModel.history(pupil.pupilRef())).hasSize(2);
        assertThat(record.signals()).hasSize(2);
        assertThat(readModel.history(pupil.pupilRef()).get(1).json()).contains("Streepvormig");
    }
}
