package nl.meldspoor.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.RecordedSignal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.meldspoor.web.services.Inbox;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.Services;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;

/** The services as the pages see them, without HTTP: a person with roles and an inbox, or a refusal. */
public class FakeServices implements Services {

    public volatile SignedIn me = new SignedIn("lk-a", List.of(new StaffRole("TEACHER", "school-a", null)));
    public final List<Inbox.Item> notifications = new ArrayList<>();
    public final Set<String> markedRead = ConcurrentHashMap.newKeySet();
    public volatile ServiceRefusal refusal;
    /** A refusal of the next signal only (the signal-service's problem answer). */
    public volatile ServiceRefusal signalRefusal;
    public final List<Pupil> pupils = new ArrayList<>();
    public final List<Recorded> recorded = new ArrayList<>();
    /** The look-back the next recorded signals answer with (null: the service could not give one). */
    public volatile RecordedSignal.LookBack lookBack;

    public record Recorded(String pupilRef, Map<String, Object> recording, String idempotencyKey) {
    }

    public final Map<String, nl.meldspoor.web.services.PupilFile> files = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<Escalated> escalated = new ArrayList<>();
    /** A refusal of the next escalation only. */
    public volatile ServiceRefusal escalationRefusal;

    public record Escalated(String pupilRef, Map<String, Object> escalation, String idempotencyKey) {
    }

    /** A command sent at a signal: which endpoint (corrections, parent-views, correction-requests, answer), the body and the key. */
    public record SignalCommand(String pupilRef, String signalId, String requestId, String kind, Map<String, Object> body, String idempotencyKey) {
    }

    public final List<SignalCommand> signalCommands = new ArrayList<>();
    /** A refusal of the next command at a signal only. */
    public volatile ServiceRefusal signalCommandRefusal;

    public void reset() {
        signalCommands.clear();
        signalCommandRefusal = null;
        files.clear();
        escalated.clear();
        escalationRefusal = null;
        me = new SignedIn("lk-a", List.of(new StaffRole("TEACHER", "school-a", null)));
        notifications.clear();
        markedRead.clear();
        refusal = null;
        signalRefusal = null;
        pupils.clear();
        recorded.clear();
        lookBack = null;
    }

    public void notify(String id, String subject, boolean read) {
        notifications.add(new Inbox.Item(id, "URGENT_SIGNAL", "school-a", "pupil-1", subject, "Tekst van " + subject,
                Instant.parse("2026-12-01T08:00:00Z"), read, read ? Instant.parse("2026-12-01T09:00:00Z") : null));
    }

    @Override
    public SignedIn me() {
        refuseIfAsked();
        return me;
    }

    @Override
    public Inbox inbox(Boolean read, int page, int size) {
        refuseIfAsked();
        List<Inbox.Item> shown = notifications.stream()
                .filter(item -> read == null || item.read() == read && !markedRead.contains(item.id()))
                .map(item -> markedRead.contains(item.id()) ? new Inbox.Item(item.id(), item.type(), item.schoolId(), item.reference(),
                        item.subject(), item.body(), item.createdAt(), true, Instant.now()) : item)
                .toList();
        long unread = shown.stream().filter(item -> !item.read()).count();
        return new Inbox(shown.stream().skip((long) page * size).limit(size).toList(), unread, shown.size(), page, size);
    }

    @Override
    public void markRead(String notificationId) {
        refuseIfAsked();
        markedRead.add(notificationId);
    }

    @Override
    public List<Pupil> findPupils(String schoolId, String name) {
        refuseIfAsked();
        String start = name.toLowerCase(java.util.Locale.ROOT);
        return pupils.stream().filter(pupil -> pupil.schoolId().equals(schoolId))
                .filter(pupil -> pupil.givenName().toLowerCase(java.util.Locale.ROOT).startsWith(start)
                        || pupil.familyName().toLowerCase(java.util.Locale.ROOT).startsWith(start))
                .toList();
    }

    @Override
    public RecordedSignal recordSignal(String pupilRef, Map<String, Object> recording, String idempotencyKey) {
        refuseIfAsked();
        if (signalRefusal != null) {
            ServiceRefusal refused = signalRefusal;
            signalRefusal = null;
            throw refused;
        }
        recorded.add(new Recorded(pupilRef, recording, idempotencyKey));
        boolean urgent = String.valueOf(recording.get("flags")).contains("DISCLOSURE");
        return new RecordedSignal("signal-" + recorded.size(), pupilRef, urgent,
                urgent ? List.of("Neem nu contact op met Veilig Thuis (0800-2000).") : List.of(), lookBack);
    }

    @Override
    public nl.meldspoor.web.services.PupilFile pupilFile(String pupilRef) {
        refuseIfAsked();
        nl.meldspoor.web.services.PupilFile file = files.get(pupilRef);
        if (file == null) {
            throw new ServiceRefusal(404, "NOT_FOUND", "Onbekend", List.of());
        }
        return file;
    }

    @Override
    public Pupil pupil(String pupilRef) {
        refuseIfAsked();
        return pupils.stream().filter(pupil -> pupil.pupilRef().equals(pupilRef)).findFirst()
                .orElseThrow(() -> new ServiceRefusal(404, "NOT_FOUND", "Onbekend", List.of()));
    }

    @Override
    public String escalate(String pupilRef, Map<String, Object> escalation, String idempotencyKey) {
        refuseIfAsked();
        if (escalationRefusal != null) {
            ServiceRefusal refused = escalationRefusal;
            escalationRefusal = null;
            throw refused;
        }
        escalated.add(new Escalated(pupilRef, escalation, idempotencyKey));
        return "case-" + escalated.size();
    }

    @Override
    public void correctSignal(String pupilRef, String signalId, Map<String, Object> correction, String idempotencyKey) {
        signalCommand(new SignalCommand(pupilRef, signalId, null, "corrections", correction, idempotencyKey));
    }

    @Override
    public void addParentView(String pupilRef, String signalId, Map<String, Object> view, String idempotencyKey) {
        signalCommand(new SignalCommand(pupilRef, signalId, null, "parent-views", view, idempotencyKey));
    }

    @Override
    public String requestCorrection(String pupilRef, String signalId, Map<String, Object> request, String idempotencyKey) {
        signalCommand(new SignalCommand(pupilRef, signalId, null, "correction-requests", request, idempotencyKey));
        return "request-" + signalCommands.size();
    }

    @Override
    public void answerCorrectionRequest(String pupilRef, String signalId, String requestId, Map<String, Object> answer, String idempotencyKey) {
        signalCommand(new SignalCommand(pupilRef, signalId, requestId, "answer", answer, idempotencyKey));
    }

    private void signalCommand(SignalCommand command) {
        refuseIfAsked();
        if (signalCommandRefusal != null) {
            ServiceRefusal refused = signalCommandRefusal;
            signalCommandRefusal = null;
            throw refused;
        }
        signalCommands.add(command);
    }

    private void refuseIfAsked() {
        if (refusal != null) {
            throw refusal;
        }
    }
}
