package nl.meldspoor.api.meldcase;

import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.SchoolFact;

/**
 * Every fact in a meldcode case's history carries the case, the school, the pseudonymous pupil, who
 * acted in which role, and when it happened (business time, besides the event store's own timestamp).
 * Sealed, so that every mapping over the case's events (its step, its summary) can be proven complete when an event is added.
 */
public sealed interface MeldcodeCaseEvent extends SchoolFact permits
        AttachedSignalCorrected, CaseClosed, CaseOpened, CaseReopened, CaseTextErased,
        ChildTalkedTo, ColleagueConsulted, ConcernsWeighed, ConsentRecorded, ExpertConsulted,
        HelpEvaluated, HelpStarted, InformingParentsOfReportSkipped, ParentsInformedOfReport, ParentsTalkedTo,
        ReportDecided, ReportDecisionApproved, ReportDecisionSentBack, ReportRecorded, SignalAttached,
        TalkWithChildSkipped, TalkWithParentsSkipped, TeacherInvolved, VeiligThuisConsulted, VeiligThuisFeedbackRecorded {

    String caseId();

    String schoolId();

    String pupilRef();

    Actor actor();

    Instant occurredAt();
}
