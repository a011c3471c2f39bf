package nl.meldspoor.api.meldcase.state;

import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;

/** Which of the five steps of the meldcode an event belongs to; 0 for opening, closing and reopening. */
public final class MeldcodeStep {

    private MeldcodeStep() {
    }

    public static int of(MeldcodeCaseEvent event) {
        if (event instanceof CaseOpened || event instanceof CaseClosed || event instanceof CaseReopened) {
            return 0;
        }
        if (event instanceof SignalAttached || event instanceof AttachedSignalCorrected || event instanceof TeacherInvolved) {
            return 1;
        }
        if (event instanceof ColleagueConsulted || event instanceof VeiligThuisConsulted || event instanceof ExpertConsulted) {
            return 2;
        }
        if (event instanceof ChildTalkedTo || event instanceof TalkWithChildSkipped || event instanceof ParentsTalkedTo
                || event instanceof TalkWithParentsSkipped || event instanceof ConsentRecorded) {
            return 3;
        }
        if (event instanceof ConcernsWeighed) {
            return 4;
        }
        return 5;
    }
}
