package nl.meldspoor.api.meldcase;

import java.util.Map;
import java.util.OptionalInt;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;

/**
 * Which of the five steps of the meldcode an event belongs to. Every event type is listed: an unlisted one is refused
 * rather than counted as some step, because a wrong step moves the dashboards' medians, the rapportage and the timeline
 * (an erasure after retention once read as "step 5 reached" on the erasure date).
 */
public final class MeldcodeStep {

    /** Opening, closing, reopening and the erasure of texts belong to the case, not to one step. */
    public static final int CASE_LEVEL = 0;

    private static final Map<Class<? extends MeldcodeCaseEvent>, Integer> STEPS = Map.ofEntries(
            Map.entry(CaseOpened.class, CASE_LEVEL),
            Map.entry(CaseClosed.class, CASE_LEVEL),
            Map.entry(CaseReopened.class, CASE_LEVEL),
            Map.entry(CaseTextErased.class, CASE_LEVEL),
            Map.entry(SignalAttached.class, 1),
            Map.entry(AttachedSignalCorrected.class, 1),
            Map.entry(TeacherInvolved.class, 1),
            Map.entry(ColleagueConsulted.class, 2),
            Map.entry(VeiligThuisConsulted.class, 2),
            Map.entry(ExpertConsulted.class, 2),
            Map.entry(ChildTalkedTo.class, 3),
            Map.entry(TalkWithChildSkipped.class, 3),
            Map.entry(ParentsTalkedTo.class, 3),
            Map.entry(TalkWithParentsSkipped.class, 3),
            Map.entry(ConsentRecorded.class, 3),
            Map.entry(ConcernsWeighed.class, 4),
            Map.entry(ReportDecided.class, 5),
            Map.entry(ReportDecisionApproved.class, 5),
            Map.entry(ReportDecisionSentBack.class, 5),
            Map.entry(ParentsInformedOfReport.class, 5),
            Map.entry(InformingParentsOfReportSkipped.class, 5),
            Map.entry(ReportRecorded.class, 5),
            Map.entry(VeiligThuisFeedbackRecorded.class, 5),
            Map.entry(HelpStarted.class, 5),
            Map.entry(HelpEvaluated.class, 5));

    private MeldcodeStep() {
    }

    /** The step (1–5) of the event, or {@link #CASE_LEVEL}. */
    public static int of(MeldcodeCaseEvent event) {
        return of(event.getClass());
    }

    public static int of(Class<? extends MeldcodeCaseEvent> type) {
        Integer step = STEPS.get(type);
        if (step == null) {
            throw new IllegalArgumentException("No meldcode step known for " + type.getName() + ": add it to MeldcodeStep");
        }
        return step;
    }

    /**
     * The step whose work the event documents, for the step dates and the rapportage: opening, closing and reopening count
     * as the work of step 1 (the case starts by mapping signals); the erasure of texts after retention is no work on any step.
     */
    public static OptionalInt workedOn(MeldcodeCaseEvent event) {
        if (event instanceof CaseTextErased) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(1, of(event)));
    }
}
