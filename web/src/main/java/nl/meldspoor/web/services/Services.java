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

    /**
     * Corrects a signal (the signal-service's {@code SignalCorrection}: the full {@code correctedContent} and the
     * {@code reason}); the original stays in the history. Only the recorder, the IB'er or the principal may.
     */
    void correctSignal(String pupilRef, String signalId, java.util.Map<String, Object> correction, String idempotencyKey);

    /** Adds the parents' view (zienswijze) to a signal (the signal-service's {@code ParentView}). */
    void addParentView(String pupilRef, String signalId, java.util.Map<String, Object> view, String idempotencyKey);

    /** Registers the parents' written correction request (the signal-service's {@code CorrectionRequest}); returns its id. */
    String requestCorrection(String pupilRef, String signalId, java.util.Map<String, Object> request, String idempotencyKey);

    /** Answers a correction request (the signal-service's {@code CorrectionAnswer}): granted with the corrected content, or refused. */
    void answerCorrectionRequest(String pupilRef, String signalId, String requestId, java.util.Map<String, Object> answer, String idempotencyKey);
}
