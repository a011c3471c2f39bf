package nl.meldspoor.signals.pupil;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.meldspoor.api.signal.BodyMark;
import nl.meldspoor.api.signal.SignalContent;

/** One signal in a pupil's file as its events made it: what it says now, open requests, the cases it went into. */
final class RecordedSignal {

    /** A correction request and whether it was answered. */
    record Request(LocalDate answerDueOn, boolean answered) {
    }

    private final String signalId;
    private final String schoolId;
    private final String familyRef;
    private final SignalContent original;
    private final List<BodyMark> bodyMap;
    private SignalContent current;
    private final Map<String, Request> requests = new HashMap<>();
    private final Set<String> cases = new LinkedHashSet<>();

    RecordedSignal(String signalId, String schoolId, String familyRef, SignalContent original, List<BodyMark> bodyMap) {
        this.signalId = signalId;
        this.bodyMap = List.copyOf(bodyMap);
        this.schoolId = schoolId;
        this.familyRef = familyRef;
        this.original = original;
        this.current = original;
    }

    void corrected(SignalContent content) {
        current = content;
    }

    void requested(String requestId, LocalDate dueOn) {
        requests.put(requestId, new Request(dueOn, false));
    }

    void answered(String requestId) {
        requests.computeIfPresent(requestId, (id, request) -> new Request(request.answerDueOn(), true));
    }

    void escalatedTo(String caseId) {
        cases.add(caseId);
    }

    /** The marks as recorded: a correction changes the content, not the body map (see {@code CorrectSignal}). */
    List<BodyMark> bodyMap() {
        return bodyMap;
    }

    String signalId() {
        return signalId;
    }

    String schoolId() {
        return schoolId;
    }

    String familyRef() {
        return familyRef;
    }

    SignalContent original() {
        return original;
    }

    SignalContent current() {
        return current;
    }

    Optional<Request> request(String requestId) {
        return Optional.ofNullable(requests.get(requestId));
    }

    boolean hasPendingRequest() {
        return requests.values().stream().anyMatch(request -> !request.answered());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedSignal that
                && signalId.equals(that.signalId) && schoolId.equals(that.schoolId) && Objects.equals(familyRef, that.familyRef)
                && original.equals(that.original) && current.equals(that.current)
                && requests.equals(that.requests) && cases.equals(that.cases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signalId, schoolId, familyRef, original, current, requests, cases);
    }
}
