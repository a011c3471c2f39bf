package nl.meldspoor.web.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The signal-service's zorglogboek of a pupil ({@code GET /api/pupils/{pupilRef}/signals}), as far as the person may
 * read it: a teacher only the signals they recorded; the IB'er, AF and principal every signal of their school. Each
 * signal as recorded and as it reads now, with its corrections, parents' views and correction requests.
 */
public record PupilFile(String pupilRef, long version, List<Signal> signals) {

    public PupilFile {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public record Actor(String personId, String role) {
    }

    public record Signal(String signalId, String schoolId, String familyRef, Instant recordedAt, Actor recordedBy, boolean urgentPath,
                         Content original, Content current, List<Mark> bodyMap, List<Correction> corrections,
                         List<ParentViewEntry> parentViews, List<Request> correctionRequests, List<String> escalatedToCases) {

        public Signal {
            bodyMap = bodyMap == null ? List.of() : bodyMap;
            corrections = corrections == null ? List.of() : corrections;
            parentViews = parentViews == null ? List.of() : parentViews;
            correctionRequests = correctionRequests == null ? List.of() : correctionRequests;
            escalatedToCases = escalatedToCases == null ? List.of() : escalatedToCases;
        }

        /** The correction request still waiting for the school's answer, if any (the service allows one at a time). */
        public Request openRequest() {
            return correctionRequests.stream().filter(request -> request.answer() == null).findFirst().orElse(null);
        }

        public boolean corrected() {
            return !corrections.isEmpty();
        }
    }

    /**
     * What a signal says. {@code indicatorCodes} and {@code recordedBy} are read so that a correction can send the
     * content back whole: the service compares the corrected content with the current one and requires both.
     */
    public record Content(Instant observedAt, String place, String situation, List<Statement> statements, List<String> othersPresent,
                          String category, List<String> flags, List<String> indicatorCodes, Actor recordedBy) {

        public Content {
            statements = statements == null ? List.of() : statements;
            othersPresent = othersPresent == null ? List.of() : othersPresent;
            flags = flags == null ? List.of() : flags;
            indicatorCodes = indicatorCodes == null ? List.of() : indicatorCodes;
        }

        public Content(Instant observedAt, String place, String situation, List<Statement> statements, List<String> othersPresent,
                       String category, List<String> flags) {
            this(observedAt, place, situation, statements, othersPresent, category, flags, List.of(), null);
        }
    }

    public record Statement(String text, String kind, String origin, Source source) {
    }

    public record Source(String description, boolean consentToRecording) {
    }

    public record Mark(String region, String view, String side, String kind, Double sizeCm, String colour, String description) {
    }

    public record Correction(Instant at, Actor by, String reason, String requestId, Content content) {
    }

    public record ParentViewEntry(Instant addedAt, Actor addedBy, ParentView view) {
    }

    public record ParentView(String submittedBy, LocalDate receivedOn, String view) {
    }

    public record Request(String requestId, Instant registeredAt, CorrectionRequest request, LocalDate answerDueOn, boolean overdue,
                          Answer answer, boolean answeredLate) {
    }

    public record CorrectionRequest(String requestedBy, LocalDate receivedOn, boolean inWriting, String request) {
    }

    /** The answer to a correction request, as far as the page shows it: granted or not, and the explanation. */
    public record Answer(boolean granted, String explanation, LocalDate answeredOn) {
    }
}
