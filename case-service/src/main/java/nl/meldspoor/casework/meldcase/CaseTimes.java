package nl.meldspoor.casework.meldcase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;

/**
 * The moments in a case's history that later acts are measured against: a step of the meldcode cannot have
 * happened before the step it follows. Only the case-service needs this view, so it lives beside the aggregate.
 * Every moment is the business time its event carries ({@code occurredAt}: when the act happened, which the
 * request may date back).
 */
final class CaseTimes {

    private Instant openedAt;
    private Instant lastActAt;
    private Instant closedAt;
    private Instant firstConsultationAt;
    private Instant firstVeiligThuisConsultationAt;
    private Instant firstParentContactAt;
    private Instant lastWeighingAt;
    private Instant sentBackAt;
    private Instant decidedAt;
    private Instant approvedAt;
    private Instant parentsInformedOfReportAt;
    private Instant reportedAt;
    private LocalDate helpStartsOn;

    void apply(MeldcodeCaseEvent event) {
        Instant at = event.occurredAt();
        lastActAt = later(lastActAt, at);
        if (event instanceof CaseOpened) {
            openedAt = at;
        } else if (event instanceof CaseClosed) {
            closedAt = at;
        } else if (event instanceof ColleagueConsulted || event instanceof ExpertConsulted) {
            firstConsultationAt = earlier(firstConsultationAt, at);
        } else if (event instanceof VeiligThuisConsulted) {
            firstConsultationAt = earlier(firstConsultationAt, at);
            firstVeiligThuisConsultationAt = earlier(firstVeiligThuisConsultationAt, at);
        } else if (event instanceof ParentsTalkedTo || event instanceof TalkWithParentsSkipped) {
            firstParentContactAt = earlier(firstParentContactAt, at);
        } else if (event instanceof ConcernsWeighed) {
            lastWeighingAt = later(lastWeighingAt, at);
        } else if (event instanceof ReportDecided) {
            // a new decision starts the report path again: what followed the previous one does not count
            decidedAt = at;
            approvedAt = null;
            parentsInformedOfReportAt = null;
        } else if (event instanceof ReportDecisionApproved) {
            approvedAt = at;
        } else if (event instanceof ReportDecisionSentBack) {
            sentBackAt = at;
        } else if (event instanceof ParentsInformedOfReport || event instanceof InformingParentsOfReportSkipped) {
            parentsInformedOfReportAt = at;
        } else if (event instanceof ReportRecorded) {
            reportedAt = at;
        } else if (event instanceof HelpStarted started) {
            helpStartsOn = started.plan().startsOn();
        }
    }

    /** When the principal last sent a decision back; the next decision is not taken before it. */
    Optional<Instant> sentBackAt() {
        return Optional.ofNullable(sentBackAt);
    }

    Instant openedAt() {
        return openedAt;
    }

    Optional<Instant> lastActAt() {
        return Optional.ofNullable(lastActAt);
    }

    Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    Optional<Instant> firstConsultationAt() {
        return Optional.ofNullable(firstConsultationAt);
    }

    Optional<Instant> firstVeiligThuisConsultationAt() {
        return Optional.ofNullable(firstVeiligThuisConsultationAt);
    }

    Optional<Instant> firstParentContactAt() {
        return Optional.ofNullable(firstParentContactAt);
    }

    Optional<Instant> lastWeighingAt() {
        return Optional.ofNullable(lastWeighingAt);
    }

    Optional<Instant> decidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    Optional<Instant> parentsInformedOfReportAt() {
        return Optional.ofNullable(parentsInformedOfReportAt);
    }

    Optional<Instant> reportedAt() {
        return Optional.ofNullable(reportedAt);
    }

    Optional<LocalDate> helpStartsOn() {
        return Optional.ofNullable(helpStartsOn);
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private static Instant earlier(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }
}
