package nl.meldspoor.reporting.rapportage;

import nl.meldspoor.platform.testing.history.CaseHistoryBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.reporting.meldcase.fold.CaseFile;
import org.junit.jupiter.api.Test;

class DocumentationCheckTest {

    private static final Instant START = Instant.parse("2026-09-07T08:00:00Z");

    private static Documentation check(CaseHistoryBuilder history) {
        List<MeldcodeCaseEvent> events = history.events();
        CaseFile file = new CaseFile();
        events.forEach(file::apply);
        return DocumentationCheck.of(file, events);
    }

    private static StepDocumentation step(Documentation documentation, int step) {
        return documentation.steps().get(step - 1);
    }

    @Test
    void aFreshCaseHasOnlyItsFirstStepDocumented() {
        Documentation documentation = check(CaseHistoryBuilder.openedAt("school-a", START));
        assertThat(documentation.steps()).extracting(StepDocumentation::status)
                .containsExactly(StepStatus.COMPLETE, StepStatus.NOT_YET, StepStatus.NOT_YET, StepStatus.NOT_YET, StepStatus.NOT_YET);
        assertThat(documentation.complete()).isTrue();
    }

    @Test
    void aConversationWithTheParentsWithoutKindcheckIsIncomplete() {
        Documentation documentation = check(CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(false));
        assertThat(step(documentation, 3).status()).isEqualTo(StepStatus.INCOMPLETE);
        assertThat(step(documentation, 3).missing()).anyMatch(reason -> reason.contains("kindcheck"));
        assertThat(documentation.complete()).isFalse();
    }

    @Test
    void aRequiredReportNotYetMadeLeavesStepFiveInProgress() {
        Documentation documentation = check(CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety());
        assertThat(step(documentation, 4).status()).isEqualTo(StepStatus.COMPLETE);
        assertThat(step(documentation, 5).status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(step(documentation, 5).toDo()).anyMatch(reason -> reason.contains("meldnorm 1"));
        assertThat(documentation.complete()).isTrue();
    }

    @Test
    void aReportWithFeedbackCompletesStepFive() {
        Documentation documentation = check(CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety().reported().feedback().closed(CaseOutcome.REPORTED_AND_HANDED_OVER));
        assertThat(documentation.steps()).extracting(StepDocumentation::status).containsOnly(StepStatus.COMPLETE);
        assertThat(documentation.complete()).isTrue();
    }

    @Test
    void aDecisionSentBackLeavesStepFiveInProgressUntilItIsTakenAgain() {
        CaseHistoryBuilder history = CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .suspicionAndUnsafety().decidedAwaitingApproval();
        assertThat(step(check(history), 5).toDo()).anyMatch(reason -> reason.contains("nog niet goedgekeurd"));

        Documentation sentBack = check(history.decisionSentBack());
        assertThat(step(sentBack, 5).status()).isEqualTo(StepStatus.IN_PROGRESS);
        assertThat(step(sentBack, 5).toDo()).anyMatch(reason -> reason.contains("teruggestuurd"))
                .noneMatch(reason -> reason.contains("nog niet goedgekeurd"));
    }

    @Test
    void noSuspicionMeansNoDecisionsToDocument() {
        Documentation documentation = check(CaseHistoryBuilder.openedAt("school-a", START).consultedColleague().talkedToParents(true)
                .noSuspicion().closed(CaseOutcome.NO_SUSPICION));
        assertThat(step(documentation, 5).status()).isEqualTo(StepStatus.NOT_APPLICABLE);
        assertThat(documentation.complete()).isTrue();
    }
}
