package nl.meldspoor.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.RecordedCaseEvent;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.platform.consuming.StoredEvents;
import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import nl.meldspoor.reporting.InMemoryMongo;
import nl.meldspoor.reporting.dossier.Dossiers;
import nl.meldspoor.reporting.meldcase.CaseDossiers;
import nl.meldspoor.reporting.meldcase.CaseEvents;
import nl.meldspoor.reporting.meldcase.CaseQueries;
import nl.meldspoor.reporting.meldcase.MeldcodeCases;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.meldcase.fold.OldCaseStates;
import nl.meldspoor.reporting.meldcase.fold.Timeline;
import nl.meldspoor.reporting.meldcase.fold.TimelineEntry;
import nl.meldspoor.reporting.rapportage.OldRapportages;
import nl.meldspoor.reporting.rapportage.Rapportages;
import nl.meldspoor.reporting.rapportage.StoredRapportages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dossier and the rapportage served from the view the read model stores per event is, to the byte of its JSON, the dossier the
 * reporting-service used to compute per request by folding the case's whole history ({@link OldCaseStates}, kept here
 * only as the reference): for a generated board with cases in every step and outcome, delivered as Kafka really
 * delivers (redeliveries, duplicates, held gaps), at several moments after the last event (deadlines turn overdue).
 */
class StoredDossierIsTheDossierOfTheWholeHistoryTest {

    private static final ObjectMapper JSON = CaseHistoryBuilder.JSON;

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MeldcodeCases cases = mongo.meldcodeCases();
    private final StoredEvents storedEvents = new StoredEvents(JSON);
    private final Dossiers dossiers = new Dossiers(new CaseQueries(mongo.template()), new CaseEvents(storedEvents), new CaseDossiers(JSON),
            new CaseStates(WorkingDays.dutch(), 5));
    private final OldCaseStates old = new OldCaseStates(WorkingDays.dutch(), 5);
    private final StoredRapportages rapportages = new StoredRapportages(new CaseQueries(mongo.template()), new CaseEvents(storedEvents),
            new CaseDossiers(JSON), new Rapportages(new CaseStates(WorkingDays.dutch(), 5)));
    private final OldRapportages oldRapportages = new OldRapportages(old);

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void everyStoredDossierAndRapportageOfAGeneratedBoardGivesTheJsonOfTheFoldOverItsWholeHistory() throws Exception {
        List<List<PublishedEvent>> aggregates = new ArrayList<>(new GeneratedBoard(21, 140, 0, 0).aggregates);
        aggregates.addAll(richerCases(new Random(21), 45));
        List<PublishedEvent> all = GeneratedBoard.interleave(new Random(21), aggregates);
        for (List<PublishedEvent> poll : GeneratedBoard.deliveredWithRedeliveriesAndGaps(all, 21)) {
            cases.applyAll(poll, 0);
        }
        assertThat(cases.incompleteAggregates()).isEmpty();

        int compared = 0;
        for (List<PublishedEvent> aggregate : aggregates) {
            String caseId = aggregate.get(0).aggregateId();
            List<RecordedCaseEvent> history = aggregate.stream()
                    .map(event -> new RecordedCaseEvent(event.eventId(), event.sequence(), event.recordedAt(), (MeldcodeCaseEvent) event.payload()))
                    .toList();
            Instant last = history.get(history.size() - 1).event().occurredAt();
            for (Duration after : List.of(Duration.ofHours(1), Duration.ofDays(45))) {
                Instant now = last.plus(after);
                Timeline reference = new Timeline(caseId, null, history.get(history.size() - 1).sequence(),
                        history.stream().map(TimelineEntry::of).toList(), old.view(history, now));
                var served = dossiers.of(caseId, now).orElseThrow();
                assertThat(JSON.writeValueAsString(served)).as("dossier of %s at %s", caseId, now).isEqualTo(JSON.writeValueAsString(reference));
                assertThat(JSON.writeValueAsString(rapportages.of(caseId, now).orElseThrow().rapportage())).as("rapportage of %s at %s", caseId, now)
                        .isEqualTo(JSON.writeValueAsString(oldRapportages.of(history, now)));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(2 * aggregates.size());
    }

    @Test
    void aViewStoredBeforeDossiersWereIsDetectedForARebuildAndServedTheSameMeanwhile() throws Exception {
        List<PublishedEvent> aCase = richerCases(new Random(3), 1).get(0);
        cases.applyAll(aCase, 0);
        String caseId = aCase.get(0).aggregateId();
        Instant now = aCase.get(aCase.size() - 1).payload().occurredAt().plus(Duration.ofDays(2));
        String withDossier = JSON.writeValueAsString(dossiers.of(caseId, now).orElseThrow());
        assertThat(cases.writtenByOlderFormat(0)).isFalse();
        // as a view of format 2 was stored: no dossier inside
        mongo.template().getCollection(Generations.nameOf(nl.meldspoor.reporting.meldcase.CaseRecord.COLLECTION, 0))
                .updateOne(new org.bson.Document("_id", caseId), new org.bson.Document("$unset", new org.bson.Document("dossier", ""))
                        .append("$set", new org.bson.Document("viewFormat", 2)));
        MeldcodeCases restarted = mongo.meldcodeCases();

        assertThat(restarted.writtenByOlderFormat(0)).as("a view without its dossier is rebuilt at startup").isTrue();
        assertThat(JSON.writeValueAsString(dossiers.of(caseId, now).orElseThrow())).isEqualTo(withDossier);
    }

    /** Cases beyond the generated board's: urgent signals, doubt, every outcome, help, reports with feedback, long ones. */
    static List<List<PublishedEvent>> richerCases(Random random, int count) {
        List<List<PublishedEvent>> cases = new ArrayList<>();
        Instant start = Instant.parse("2025-01-06T08:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant at = start.plus(Duration.ofDays(random.nextInt(400)));
            CaseHistoryBuilder history = random.nextInt(3) == 0
                    ? CaseHistoryBuilder.openedWith("school-" + random.nextInt(5), at, "pupil-" + i,
                    CaseHistoryBuilder.signal("urgent-" + i, at, SignalFlag.DISCLOSURE))
                    : CaseHistoryBuilder.openedAt("school-" + random.nextInt(5), at);
            for (int s = random.nextInt(4); s > 0; s--) {
                history.signalAttached(CaseHistoryBuilder.signal("extra-" + s + "-" + history.caseId(), at.plus(Duration.ofHours(s)),
                        random.nextBoolean() ? new SignalFlag[0] : new SignalFlag[] {SignalFlag.HONOUR_RELATED}));
            }
            switch (random.nextInt(9)) {
                case 0 -> history.askedVeiligThuis();
                case 1 -> history.consultedColleague().askedVeiligThuis().talkedToParents(false)
                        .weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.DOUBT,
                                new WeighingOutcome(false, null, AfwegingQuestion.VEILIGHEID, false));
                case 2 -> history.consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported().feedback()
                        .closed(CaseOutcome.REPORTED_AND_HANDED_OVER);
                case 3 -> history.consultedColleague().talkedToParents(true)
                        .weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES, new WeighingOutcome(false, null, AfwegingQuestion.VEILIGHEID, false))
                        .weighed(AfwegingQuestion.VEILIGHEID, WeighingAnswer.NO, new WeighingOutcome(false, null, AfwegingQuestion.HULP, false))
                        .weighed(AfwegingQuestion.HULP, WeighingAnswer.YES, new WeighingOutcome(false, null, AfwegingQuestion.HULP_AANVAARDEN, false))
                        .weighed(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES, new WeighingOutcome(false, null, AfwegingQuestion.RESULTAAT, false));
                case 4 -> history.consultedColleague().talkedToParents(true).suspicionAndUnsafety().decidedAwaitingApproval().decisionSentBack()
                        .decidedAwaitingApproval();
                case 5 -> history.askedVeiligThuis().talkedToParents(true).suspicionAndUnsafety().reported().feedback().helpStarted();
                case 6 -> history.consultedColleague().talkedToParents(true).noSuspicion().closed(CaseOutcome.NO_SUSPICION).textErasedAfterRetention();
                case 7 -> {
                    history.consultedColleague().talkedToParents(true);
                    for (int n = 0; n < 40; n++) {
                        history.askedVeiligThuis();
                    }
                    history.suspicionAndUnsafety().reported().feedback().suspicionAndUnsafety();
                }
                default -> history.consultedColleague().talkedToParents(true).suspicionAndUnsafety().reported().feedback()
                        .closed(CaseOutcome.HELP_COMPLETED);
            }
            cases.add(history.published());
        }
        return cases;
    }
}
