package nl.meldspoor.signals.pupil;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.signal.AddParentView;
import nl.meldspoor.api.signal.BodyMark;
import nl.meldspoor.api.signal.AnswerCorrectionRequest;
import nl.meldspoor.api.signal.CaseHold;
import nl.meldspoor.api.signal.CorrectSignal;
import nl.meldspoor.api.signal.CorrectionAnswer;
import nl.meldspoor.api.signal.CorrectionRequestAnswered;
import nl.meldspoor.api.signal.EscalateSignals;
import nl.meldspoor.api.signal.ErasePupilFileText;
import nl.meldspoor.api.signal.PupilFileTextErased;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.ParentViewAdded;
import nl.meldspoor.api.signal.PupilFileEvent;
import nl.meldspoor.api.signal.RecordSignal;
import nl.meldspoor.api.signal.RequestSignalCorrection;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalCorrected;
import nl.meldspoor.api.signal.SignalCorrectionRequested;
import nl.meldspoor.api.signal.SignalRecorded;
import nl.meldspoor.api.signal.SignalRule;
import nl.meldspoor.api.signal.SignalsEscalated;
import nl.meldspoor.api.common.CommandAuthority;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A pupil's file of signals (the zorglogboek), identified by the pupil's pseudonymous reference.
 * Records are never edited or deleted: a correction is a new fact with a reason, the parents' view
 * and their correction requests are added, and the history keeps everything. Escalating signals into
 * a meldcode case is one fact about several signals of the pupil at once.
 */
// the platform's aggregate cache (AggregateCacheProperties), named here as plain text; no snapshots: a file holds the
// texts of several schools, each sealed under its own school's key, so no one key could seal the whole file
@Aggregate(cache = "aggregateCache")
public class PupilFile {

    static final int WEEKS_TO_ANSWER_A_CORRECTION_REQUEST = 4;

    @AggregateIdentifier
    private String pupilRef;
    private final Map<String, RecordedSignal> signals = new LinkedHashMap<>();
    private final Map<String, Instant> lastEntryBySchool = new HashMap<>();
    private final Map<String, Instant> erasedUpToBySchool = new HashMap<>();
    /** The cases each school's signals were escalated into: they hold the school's text (its seal) from then on. */
    private final Map<String, Set<String>> casesBySchool = new HashMap<>();

    protected PupilFile() {
        // rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordSignal command, MetaData metaData, PupilRegistration registration) {
        PupilFilePermissions.requireSchoolStaff(command.actor());
        if (isBlank(command.schoolId())) {
            throw RuleViolation.of(PupilFileRule.SCHOOL_REQUIRED, "schoolId");
        }
        CommandAuthority.requireOneOf(metaData, command.schoolId());
        requireRegisteredAt(registration, command.pupilRef(), command.schoolId());
        RecordedSignal known = signals.get(command.signalId());
        if (known != null) {
            if (known.original().equals(command.content()) && known.schoolId().equals(command.schoolId())
                    && known.bodyMap().equals(command.bodyMap())) {
                return; // the same signal sent again
            }
            throw RuleViolation.of(PupilFileRule.SIGNAL_ALREADY_RECORDED, "signalId");
        }
        if (command.content() == null) {
            throw RuleViolation.of(PupilFileRule.TEXT_REQUIRED, "content");
        }
        command.content().requireValid("signal", command.occurredAt());
        requireValidBodyMap(command.bodyMap());
        apply(new SignalRecorded(command.pupilRef(), command.schoolId(), command.actor(), command.occurredAt(), command.signalId(),
                command.familyRef(), command.content(), command.content().isUrgent(), command.bodyMap()));
    }

    @CommandHandler
    public void handle(CorrectSignal command, MetaData metaData) {
        RecordedSignal signal = signal(command.signalId());
        CommandAuthority.requireOneOf(metaData, signal.schoolId());
        PupilFilePermissions.requireMayCorrect(command.actor(), signal);
        requireText(command.correction().reason(), "reason");
        SignalContent corrected = command.correction().correctedContent();
        corrected.requireValid("correctedContent", command.occurredAt());
        if (corrected.equals(signal.current())) {
            throw RuleViolation.of(PupilFileRule.NOTHING_TO_CORRECT, "correctedContent");
        }
        apply(new SignalCorrected(pupilRef, signal.schoolId(), command.actor(), command.occurredAt(), signal.signalId(), corrected,
                command.correction().reason(), null));
    }

    @CommandHandler
    public void handle(AddParentView command, MetaData metaData) {
        RecordedSignal signal = signal(command.signalId());
        CommandAuthority.requireOneOf(metaData, signal.schoolId());
        PupilFilePermissions.requireSchoolStaff(command.actor());
        requireText(command.view().view(), "view");
        apply(new ParentViewAdded(pupilRef, signal.schoolId(), command.actor(), command.occurredAt(), signal.signalId(), command.view()));
    }

    @CommandHandler
    public void handle(RequestSignalCorrection command, MetaData metaData) {
        RecordedSignal signal = signal(command.signalId());
        CommandAuthority.requireOneOf(metaData, signal.schoolId());
        PupilFilePermissions.requireSchoolStaff(command.actor());
        if (!command.request().inWriting()) {
            throw RuleViolation.of(PupilFileRule.WRITTEN_REQUEST_REQUIRED, "inWriting");
        }
        requireText(command.request().request(), "request");
        if (signal.hasPendingRequest()) {
            throw RuleViolation.of(PupilFileRule.CORRECTION_REQUEST_PENDING);
        }
        LocalDate dueOn = command.request().receivedOn().plusWeeks(WEEKS_TO_ANSWER_A_CORRECTION_REQUEST);
        apply(new SignalCorrectionRequested(pupilRef, signal.schoolId(), command.actor(), command.occurredAt(), signal.signalId(),
                command.requestId(), command.request(), dueOn));
    }

    @CommandHandler
    public void handle(AnswerCorrectionRequest command, MetaData metaData) {
        RecordedSignal signal = signal(command.signalId());
        CommandAuthority.requireOneOf(metaData, signal.schoolId());
        PupilFilePermissions.requireDossierResponsible(command.actor());
        RecordedSignal.Request request = signal.request(command.requestId())
                .orElseThrow(() -> RuleViolation.of(PupilFileRule.CORRECTION_REQUEST_UNKNOWN, "requestId"));
        if (request.answered()) {
            throw RuleViolation.of(PupilFileRule.CORRECTION_REQUEST_ANSWERED);
        }
        CorrectionAnswer answer = command.answer();
        requireText(answer.explanation(), "explanation");
        if (answer.granted()) {
            if (answer.correctedContent() == null) {
                throw RuleViolation.of(PupilFileRule.CORRECTED_CONTENT_REQUIRED, "correctedContent");
            }
            answer.correctedContent().requireValid("correctedContent", command.occurredAt());
        }
        apply(new CorrectionRequestAnswered(pupilRef, signal.schoolId(), command.actor(), command.occurredAt(), signal.signalId(),
                command.requestId(), answer, answer.answeredOn().isAfter(request.answerDueOn())));
        if (answer.granted() && !answer.correctedContent().equals(signal.current())) {
            apply(new SignalCorrected(pupilRef, signal.schoolId(), command.actor(), command.occurredAt(), signal.signalId(),
                    answer.correctedContent(), "Op schriftelijk verzoek van de ouders: " + answer.explanation(), command.requestId()));
        }
    }

    @CommandHandler
    public void handle(EscalateSignals command, MetaData metaData, PupilRegistration registration) {
        PupilFilePermissions.requireCaseLead(command.actor());
        Escalation escalation = command.escalation();
        CommandAuthority.requireOneOf(metaData, escalation.schoolId());
        requireCompleteTeam(escalation.team());
        requireText(escalation.concern(), "concern");
        List<AttachedSignal> attached = new ArrayList<>();
        for (int i = 0; i < escalation.signalIds().size(); i++) {
            String signalId = escalation.signalIds().get(i);
            RecordedSignal signal = signals.get(signalId);
            if (signal == null) {
                throw RuleViolation.of(PupilFileRule.SIGNAL_UNKNOWN, "signalIds[" + i + "]");
            }
            if (!signal.schoolId().equals(escalation.schoolId())) {
                throw RuleViolation.of(PupilFileRule.SIGNAL_OF_OTHER_SCHOOL, "signalIds[" + i + "]");
            }
            if (attached.stream().noneMatch(known -> known.signalId().equals(signalId))) {
                attached.add(new AttachedSignal(signalId, signal.current()));
            }
        }
        requireRegisteredAt(registration, pupilRef, escalation.schoolId());
        String familyRef = signals.get(attached.get(0).signalId()).familyRef();
        apply(new SignalsEscalated(pupilRef, escalation.schoolId(), command.actor(), command.occurredAt(), command.caseId(), familyRef,
                escalation.team(), escalation.concern(), attached));
    }

    /**
     * Checked after the actor's authority at the school, so that only the school's own staff learn whether a
     * reference is registered there.
     */
    private static void requireRegisteredAt(PupilRegistration registration, String pupilRef, String schoolId) {
        if (!registration.isRegisteredAt(pupilRef, schoolId)) {
            throw RuleViolation.of(PupilFileRule.PUPIL_NOT_REGISTERED_AT_SCHOOL, "pupilRef");
        }
    }

    /**
     * Crypto-shredding, per school: the text a school recorded about the pupil is erased once the
     * retention period has passed since that school's last entry, no meldcode case still holds it, and only when
     * something is left to erase.
     */
    @CommandHandler
    public void handle(ErasePupilFileText command) {
        Instant lastEntry = lastEntryBySchool.get(command.schoolId());
        if (lastEntry == null || lastEntry.equals(erasedUpToBySchool.get(command.schoolId()))) {
            throw RuleViolation.of(RetentionRule.NOTHING_TO_ERASE);
        }
        if (!Retention.passed(lastEntry, command.retention(), command.occurredAt())) {
            throw RuleViolation.of(RetentionRule.RETENTION_NOT_PASSED);
        }
        requireNotHeldByCase(command);
        apply(new PupilFileTextErased(pupilRef, command.schoolId(), Retention.ERASER, command.occurredAt(), lastEntry, command.retention()));
    }

    /**
     * A case holds the school's text while it is open and for the case's retention period after it closed (the Wet
     * meldcode keeps the dossier; DOMAIN.md §7): the signals in it carry this file's seal, so erasing the file's text
     * would erase them in the case too. One key per pupil file and school: while one case holds, nothing is erased.
     * Every case of the pupil at the school counts — one opened over HTTP receives the signals recorded after it — and
     * a case this file escalated into that the command does not report closed counts as open.
     */
    private void requireNotHeldByCase(ErasePupilFileText command) {
        Map<String, CaseHold> reported = new HashMap<>();
        command.caseHolds().stream().filter(hold -> command.schoolId().equals(hold.schoolId()))
                .forEach(hold -> reported.put(hold.caseId(), hold));
        Set<String> holding = new HashSet<>(casesBySchool.getOrDefault(command.schoolId(), Set.of()));
        holding.addAll(reported.keySet());
        for (String caseId : holding) {
            CaseHold hold = reported.get(caseId);
            if (hold == null || hold.closedAt() == null || !Retention.passed(hold.closedAt(), command.caseRetention(), command.occurredAt())) {
                throw RuleViolation.of(RetentionRule.HELD_BY_CASE);
            }
        }
    }

    @EventSourcingHandler
    void on(PupilFileEvent event) {
        pupilRef = event.pupilRef();
        if (event instanceof PupilFileTextErased erased) {
            erasedUpToBySchool.put(erased.schoolId(), erased.lastEntryAt());
            return;
        }
        lastEntryBySchool.put(event.schoolId(), event.occurredAt());
        if (event instanceof SignalRecorded recorded) {
            signals.put(recorded.signalId(), new RecordedSignal(recorded.signalId(), recorded.schoolId(), recorded.familyRef(), recorded.content(),
                    recorded.bodyMap()));
        } else if (event instanceof SignalCorrected corrected) {
            signals.get(corrected.signalId()).corrected(corrected.correctedContent());
        } else if (event instanceof SignalCorrectionRequested requested) {
            signals.get(requested.signalId()).requested(requested.requestId(), requested.answerDueOn());
        } else if (event instanceof CorrectionRequestAnswered answered) {
            signals.get(answered.signalId()).answered(answered.requestId());
        } else if (event instanceof SignalsEscalated escalated) {
            escalated.signals().forEach(signal -> signals.get(signal.signalId()).escalatedTo(escalated.caseId()));
            casesBySchool.computeIfAbsent(escalated.schoolId(), school -> new HashSet<>()).add(escalated.caseId());
        }
    }

    /** The body map is bounded and each mark complete: a limb without its side says too little to act on. */
    private static void requireValidBodyMap(List<BodyMark> bodyMap) {
        if (bodyMap.size() > Limits.BODY_MARKS) {
            throw RuleViolation.of(SignalRule.TOO_MANY_BODY_MARKS, "bodyMap");
        }
        for (int i = 0; i < bodyMap.size(); i++) {
            BodyMark mark = bodyMap.get(i);
            if (mark == null) {
                throw RuleViolation.of(SignalRule.BODY_MARK_FIELD_REQUIRED, "bodyMap[" + i + "]");
            }
            mark.requireValid("bodyMap[" + i + "]");
        }
    }

    private RecordedSignal signal(String signalId) {
        RecordedSignal signal = signals.get(signalId);
        if (signal == null) {
            throw RuleViolation.of(PupilFileRule.SIGNAL_UNKNOWN, "signalId");
        }
        return signal;
    }

    private static void requireCompleteTeam(CaseTeam team) {
        if (team == null || isBlank(team.casemanagerId()) || isBlank(team.advisorId()) || isBlank(team.principalId())) {
            throw RuleViolation.of(PupilFileRule.CASE_TEAM_INCOMPLETE, "team");
        }
    }

    private static void requireText(String text, String field) {
        if (isBlank(text)) {
            throw RuleViolation.of(PupilFileRule.TEXT_REQUIRED, field);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
