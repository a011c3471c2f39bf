package nl.meldspoor.reporting.meldcase;

import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.Deadline;
import nl.meldspoor.platform.consuming.PublishedEvent;
import nl.meldspoor.reporting.InMemoryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeldcodeCasesTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private final InMemoryMongo mongo = new InMemoryMongo();
    private final MeldcodeCases readModel = mongo.meldcodeCases();

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private CaseRecord stored(String caseId) {
        return mongo.template().findById(caseId, CaseRecord.class);
    }

    private Object storedVersion() {
        return mongo.template().getCollection(CaseRecord.COLLECTION).find().first().get("version");
    }

    @Test
    void aCaseIsSummarisedFromItsEvents() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety().reported();
        history.published().forEach(readModel::apply);

        CaseRecord record = stored(history.caseId());
        assertThat(record.schoolId()).isEqualTo("school-a");
        assertThat(record.status()).isEqualTo("OPEN");
        assertThat(record.currentStep()).isEqualTo(5);
        assertThat(record.openedAt()).isEqualTo(START);
        assertThat(readModel.history(history.caseId())).hasSize(history.events().size());
        assertThat(record.appliedSequence()).isEqualTo(history.events().size() - 1);
        assertThat(record.facts().reports()).hasSize(1);
        assertThat(record.facts().stepsReached().step2()).isEqualTo(START.plusSeconds(86_400));
        assertThat(record.facts().openDeadlines()).extracting(Deadline::kind).containsExactly(Deadline.VEILIG_THUIS_FEEDBACK);
    }

    /** A decision the principal sent back is a step-5 fact like any other: stored, summarised, nothing breaks. */
    @Test
    void aReportDecisionSentBackIsKeptAndTheCaseStaysInStepFive() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety().decidedAwaitingApproval().decisionSentBack();
        history.published().forEach(readModel::apply);

        CaseRecord record = stored(history.caseId());
        assertThat(readModel.history(history.caseId())).hasSize(history.events().size());
        assertThat(record.currentStep()).isEqualTo(5);
        assertThat(record.status()).isEqualTo("OPEN");
        assertThat(record.facts().reports()).isEmpty();
        assertThat(record.facts().documentation().steps().get(4).toDo()).anyMatch(reason -> reason.contains("teruggestuurd"));
    }

    /** Erasure after retention is no work on the case: step 5 is never "reached" on the erasure date (it moved the medians). */
    @Test
    void theErasureOfTextsAfterRetentionReachesNoStep() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .closed(CaseOutcome.NO_SUSPICION).textErasedAfterRetention();
        history.published().forEach(readModel::apply);

        CaseRecord record = stored(history.caseId());
        assertThat(record.facts().stepsReached().step3()).isNotNull();
        assertThat(record.facts().stepsReached().step4()).isNull();
        assertThat(record.facts().stepsReached().step5()).isNull();
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        List<PublishedEvent> events = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true).published();
        events.forEach(readModel::apply);
        CaseRecord before = stored(events.get(0).aggregateId());
        Object versionBefore = storedVersion();

        readModel.apply(events.get(1));
        events.forEach(readModel::apply);

        CaseRecord after = stored(events.get(0).aggregateId());
        assertThat(readModel.history(events.get(0).aggregateId())).hasSize(3);
        assertThat(after.appliedSequence()).isEqualTo(before.appliedSequence());
        assertThat(storedVersion()).as("the document was not written again").isEqualTo(versionBefore);
        assertThat(after.facts()).isEqualTo(before.facts());
    }

    @Test
    void aClosedCaseWithoutSuspicionIsCountedAsSuch() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-b", START).consultedColleague().talkedToParents(true)
                .noSuspicion().closed(CaseOutcome.NO_SUSPICION);
        history.published().forEach(readModel::apply);

        CaseRecord record = stored(history.caseId());
        assertThat(record.status()).isEqualTo("CLOSED");
        assertThat(record.outcome()).isEqualTo("NO_SUSPICION");
        assertThat(record.closedAt()).isNotNull();
        assertThat(record.facts().closedWithoutSuspicion()).isEqualTo(record.closedAt());
        assertThat(record.facts().openDeadlines()).isEmpty();
        assertThat(record.facts().documentation().complete()).isTrue();
    }

    @Test
    void eventsOfOtherCasesDoNotMix() {
        CaseHistoryBuilder one = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague();
        CaseHistoryBuilder two = CaseHistoryBuilder.openedAt("school-b", START);
        one.published().forEach(readModel::apply);
        two.published().forEach(readModel::apply);

        assertThat(readModel.history(one.caseId())).hasSize(2);
        assertThat(readModel.history(two.caseId())).hasSize(1);
        assertThat(stored(two.caseId()).schoolId()).isEqualTo("school-b");
    }
}
