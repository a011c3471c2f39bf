package nl.meldspoor.web.signal;

import nl.meldspoor.web.services.RecordedSignal;

/** The signal-service's look-back while a signal is being recorded, on behalf of the signed-in person. */
public interface LookBacks {

    /**
     * Earlier signals of the pupil and of siblings at the school, as far as the person may read them (a teacher: only
     * that there are some and whom to talk to); the service logs the look-up.
     */
    RecordedSignal.LookBack lookBack(String schoolId, String pupilRef);
}
