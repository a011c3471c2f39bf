package nl.meldspoor.web.services;

/** What the pages ask of the services, always on behalf of the signed-in person. */
public interface Services {

    /** Who the signed-in person is and which roles they hold today (the case-service's staff directory). */
    SignedIn me();

    /** A page of their inbox, newest first; {@code read} null for everything. */
    Inbox inbox(Boolean read, int page, int size);

    /** Marks one of their notifications read. */
    void markRead(String notificationId);

    /** Pupils of the school whose given or family name starts with {@code name} (at least two letters). */
    java.util.List<Pupil> findPupils(String schoolId, String name);

    /**
     * Records a signal (meldcode step 1) for the pupil; the body is the signal-service's {@code SignalRecording}.
     *
     * @param idempotencyKey the same key for a form sent twice, so the signal is recorded once
     */
    RecordedSignal recordSignal(String pupilRef, java.util.Map<String, Object> recording, String idempotencyKey);

    /** The pupil's zorglogboek as far as the person may read it (a teacher: the signals they recorded). */
    PupilFile pupilFile(String pupilRef);

    /** The pupil's name and school, for the pupil's own school's staff. */
    Pupil pupil(String pupilRef);

    /**
     * Escalates signals of the pupil into a meldcode case (the signal-service's {@code Escalation}); the case-service
     * opens the case asynchronously under the returned case id.
     */
    String escalate(String pupilRef, java.util.Map<String, Object> escalation, String idempotencyKey);
}
