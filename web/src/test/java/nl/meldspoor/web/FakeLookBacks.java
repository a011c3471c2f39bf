package nl.meldspoor.web;

import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.web.services.RecordedSignal;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.signal.LookBacks;

/** The signal-service's look-back while choosing the pupil, faked: what it answers and who asked for which pupil. */
public class FakeLookBacks implements LookBacks {

    public volatile RecordedSignal.LookBack answer = new RecordedSignal.LookBack(false, false, null, null, null);
    public volatile ServiceRefusal refusal;
    /** Each look-up as {@code schoolId/pupilRef}: the service logs each one. */
    public final List<String> asked = new ArrayList<>();

    public void reset() {
        answer = new RecordedSignal.LookBack(false, false, null, null, null);
        refusal = null;
        asked.clear();
    }

    @Override
    public RecordedSignal.LookBack lookBack(String schoolId, String pupilRef) {
        asked.add(schoolId + "/" + pupilRef);
        if (refusal != null) {
            throw refusal;
        }
        return answer;
    }
}
