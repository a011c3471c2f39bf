package nl.meldspoor.casework.meldcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.CommandAuthority;
import nl.meldspoor.api.meldcase.MeldcodeCaseCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import nl.meldspoor.api.common.RuleViolation;
import nl.meldspoor.casework.meldcase.state.AfwegingskaderProgress;
import nl.meldspoor.casework.meldcase.state.CaseFile;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.ApproveReportDecision;
import nl.meldspoor.api.meldcase.AttachSignal;
import nl.meldspoor.api.meldcase.AttachSignalCorrection;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.AttachedSignalCorrected;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseReopened;
import nl.meldspoor.api.meldcase.CaseTextErased;
import nl.meldspoor.api.meldcase.EraseCaseText;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.common.RetentionRule;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ChildTalkedTo;
import nl.meldspoor.api.meldcase.CloseCase;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.ConsultColleague;
import nl.meldspoor.api.meldcase.ConsultExpert;
import nl.meldspoor.api.meldcase.ConsultVeiligThuis;
import nl.meldspoor.api.meldcase.DecideReport;
import nl.meldspoor.api.meldcase.EvaluateHelp;
import nl.meldspoor.api.meldcase.ExpertConsultation;
import nl.meldspoor.api.meldcase.ExpertConsulted;
import nl.meldspoor.api.meldcase.ForwardSignal;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.InformParentsOfReport;
import nl.meldspoor.api.meldcase.InformingParentsOfReportSkipped;
import nl.meldspoor.api.meldcase.InvolveTeacher;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.OpenCase;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.RecordConsent;
import nl.meldspoor.api.meldcase.RecordReport;
import nl.meldspoor.api.meldcase.RecordVeiligThuisFeedback;
import nl.meldspoor.api.meldcase.ReopenCase;
import nl.meldspoor.api.meldcase.Reopening;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportDecisionSentBack;
import nl.meldspoor.api.meldcase.SendBackReportDecision;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.SkipInformingParentsOfReport;
import nl.meldspoor.api.meldcase.SkipTalkWithChild;
import nl.meldspoor.api.meldcase.SkipTalkWithParents;
import nl.meldspoor.api.meldcase.StartHelp;
import nl.meldspoor.api.meldcase.TalkToChild;
import nl.meldspoor.api.meldcase.TalkToParents;
import nl.meldspoor.api.meldcase.TalkWithChildSkipped;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
import nl.meldspoor.api.meldcase.TeacherInvolved;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.WeighConcerns;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRule;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The meldcode case (dossier meldcode): steps 2 to 5 of the meldcode for one pupil, with the
 * afwegingskader in its required order. Every rule is checked before anything is applied, so a
 * refused command leaves no trace but its refusal.
 */
// the platform's aggregate cache and sealed-snapshot trigger (AggregateCacheProperties), named here as plain text
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "sealedSnapshotTrigger")
public class MeldcodeCase {

    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.forLanguageTag("nl-NL"))
            .withZone(SCHOOL_ZONE);

    @AggregateIdentifier
    private String caseId;
    private final CaseFile file = new CaseFile();
    private final CaseTimes times = new CaseTimes();

    protected MeldcodeCase() {
        // for Axon: rebuilt from its events (or its sealed snapshot and the events since)
    }

    public String caseId() {
        return caseId;
    }

    public String schoolId() {
        return file.schoolId();
    }

    @CommandHandler
    public MeldcodeCase(OpenCase command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        CaseOpening opening = command.opening();
        CommandAuthority.requireOneOf(metaData, opening.schoolId());
        requireCompleteTeam(opening.team());
        if (opening.signals() == null || opening.signals().isEmpty()) {
            throw RuleViolation.of(CaseRule.SIGNAL_REQUIRED, "signals");
        }
        requireValidSignals(opening.signals(), "signals", command.occurredAt());
        apply(new CaseOpened(command.caseId(), opening.schoolId(), opening.pupilRef(), command.actor(), command.occurredAt(), opening));
    }

    /** Need-to-know: only staff of the case's school act on it, and the advisor of a paired school ("schaduw-AF"). */
    @CommandHandlerInterceptor
    Object onlyStaffOfTheCasesSchool(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String advisorSchool = command.getPayload() instanceof MeldcodeCaseCommand caseCommand
                && CasePermissions.isTeamAdvisor(caseCommand.actor(), file) ? file.team().advisorSchoolId() : null;
        CommandAuthority.requireOneOf(command.getMetaData(), file.schoolId(), advisorSchool);
        return chain.proceed();
    }

    // ---- step 1

    @CommandHandler
    public void handle(AttachSignal command) {
        CasePermissions.requireCaseLeadOrInvolvedTeacher(command.actor(), file);
        requireOpen();
        attach(command.signal(), command.actor(), command.occurredAt());
    }

    private void attach(AttachedSignal signal, Actor actor, Instant occurredAt) {
        var known = file.signal(signal.signalId());
        if (known.isPresent()) {
            if (known.get().equals(signal)) {
                return; // delivered again: already part of the case
            }
            throw RuleViolation.of(CaseRule.SIGNAL_ALREADY_ATTACHED, "signal.signalId");
        }
        signal.content().requireValid("signal.content", occurredAt);
        apply(new SignalAttached(caseId, file.schoolId(), file.pupilRef(), actor, occurredAt, signal));
    }

    /** The signal intake forwards a signal recorded later for this pupil; it acts for whoever recorded the signal. */
    @CommandHandler
    public void handle(ForwardSignal command) {
        requireOpen();
        requireFromThePupilFile(command.signal().signalId(), "signal.signalId");
        attach(command.signal(), command.actor(), command.occurredAt());
    }

    /**
     * A correction of a signal the case holds. Unlike any act in the case, it also reaches a closed
     * case: the pupil's record was rectified, and the dossier must not keep showing what was wrong.
     */
    @CommandHandler
    public void handle(AttachSignalCorrection command) {
        if (file.hasApplied(command.correctionId())) {
            return;
        }
        if (file.signal(command.signalId()).isEmpty() || SignalOrigin.of(command.signalId()) != SignalOrigin.PUPIL_FILE) {
            throw RuleViolation.of(CaseRule.SIGNAL_NOT_IN_CASE, "signalId");
        }
        command.correctedContent().requireValid("correctedContent", command.occurredAt());
        apply(new AttachedSignalCorrected(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(),
                command.correctionId(), command.signalId(), command.correctedContent(), command.reason()));
    }

    /** The intake only brings pupil-file signals; a signal the case named itself is never one of them. */
    private static void requireFromThePupilFile(String signalId, String field) {
        if (SignalOrigin.of(signalId) != SignalOrigin.PUPIL_FILE) {
            throw RuleViolation.of(CaseRule.SIGNAL_NOT_IN_CASE, field);
        }
    }

    @CommandHandler
    public void handle(InvolveTeacher command) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requireText(command.teacherId(), "teacherId");
        if (file.teachers().contains(command.teacherId())) {
            return;
        }
        apply(new TeacherInvolved(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.teacherId()));
    }

    // ---- step 2

    @CommandHandler
    public void handle(ConsultColleague command, MetaData metaData) {
        CasePermissions.requireCaseLeadOrInvolvedTeacher(command.actor(), file);
        requireOpen();
        requireCaseTime(command.occurredAt(), "consultedAt", metaData);
        apply(new ColleagueConsulted(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.consultation()));
    }

    @CommandHandler
    public void handle(ConsultVeiligThuis command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requireCaseTime(command.occurredAt(), "consultedAt", metaData);
        apply(new VeiligThuisConsulted(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.consultation()));
    }

    @CommandHandler
    public void handle(ConsultExpert command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        ExpertConsultation consultation = command.consultation();
        if (consultation.pupilIdentifiable() && !consultation.expert().mayReceiveInformationWithoutConsent() && !file.consentGiven()) {
            throw RuleViolation.of(CaseRule.CONSENT_REQUIRED, "pupilIdentifiable");
        }
        requireCaseTime(command.occurredAt(), "consultedAt", metaData);
        apply(new ExpertConsulted(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), consultation));
    }

    // ---- step 3 (conversations with the parents stay possible at every later step)

    @CommandHandler
    public void handle(TalkToChild command, MetaData metaData) {
        CasePermissions.requireCaseLeadOrInvolvedTeacher(command.actor(), file);
        requireOpen();
        requireCaseTime(command.occurredAt(), "heldAt", metaData);
        apply(new ChildTalkedTo(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.conversation()));
    }

    @CommandHandler
    public void handle(SkipTalkWithChild command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requireText(command.skip().reason(), "reason");
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        apply(new TalkWithChildSkipped(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.skip()));
    }

    @CommandHandler
    public void handle(TalkToParents command, MetaData metaData) {
        CasePermissions.requireCaseLeadOrInvolvedTeacher(command.actor(), file);
        requireOpen();
        if (file.holdsUrgentSignal() && !file.veiligThuisConsulted()) {
            throw RuleViolation.of(CaseRule.URGENT_PATH_VEILIG_THUIS_FIRST);
        }
        requireCaseTime(command.occurredAt(), "heldAt", metaData);
        if (file.holdsUrgentSignal()) {
            requireNotBefore(command.occurredAt(), times.firstVeiligThuisConsultationAt(), "heldAt", "het advies van Veilig Thuis");
        }
        apply(new ParentsTalkedTo(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.conversation()));
    }

    @CommandHandler
    public void handle(SkipTalkWithParents command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requirePermittedSkipAfterVeiligThuis(command.skip());
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        apply(new TalkWithParentsSkipped(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.skip()));
    }

    @CommandHandler
    public void handle(RecordConsent command, MetaData metaData) {
        CasePermissions.requireCaseLeadOrInvolvedTeacher(command.actor(), file);
        requireOpen();
        requireCaseTime(command.occurredAt(), "answeredAt", metaData);
        apply(new ConsentRecorded(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.consent()));
    }

    // ---- step 4: the afwegingskader

    @CommandHandler
    public void handle(WeighConcerns command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        Weighing weighing = command.weighing();
        requireText(weighing.rationale(), "rationale");
        AfwegingskaderProgress progress = file.afwegingskader();
        int round = progress.round();
        if (weighing.question() == AfwegingQuestion.VERMOEDEN) {
            requireStepsOneToThreeDone();
            file.pendingMeldnorm().ifPresent(meldnorm -> {
                throw RuleViolation.of(CaseRule.REPORT_FIRST, "question",
                        "Er moet eerst gemeld worden (" + meldnorm.dutchDescription() + ") voordat opnieuw wordt afgewogen.");
            });
            round++;
        } else {
            requireNextQuestion(weighing.question(), progress);
            if (file.pendingMeldnorm().isPresent()) {
                throw RuleViolation.of(CaseRule.REPORT_FIRST, "question");
            }
        }
        requirePlausibleAnswer(weighing);
        WeighingOutcome outcome = Afwegingskader.outcomeOf(weighing, progress.togetherWithVeiligThuis());
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.lastWeighingAt(), "occurredAt", "de vorige afweging");
        if (weighing.question() == AfwegingQuestion.VERMOEDEN) {
            requireNotBefore(command.occurredAt(), times.firstConsultationAt(), "occurredAt", "het overleg van stap 2");
            requireNotBefore(command.occurredAt(), times.firstParentContactAt(), "occurredAt",
                    "het gesprek met de ouders of het besluit dat niet te voeren (stap 3)");
        }
        apply(new ConcernsWeighed(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), weighing, round, outcome));
    }

    // ---- step 5: decide, report, help

    @CommandHandler
    public void handle(DecideReport command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        ReportDecision decision = command.decision();
        requireText(decision.rationale(), "rationale");
        AfwegingskaderProgress progress = file.afwegingskader();
        Meldnorm meldnorm = file.pendingMeldnorm().orElse(null);
        if (meldnorm == null && !progress.answer(AfwegingQuestion.VEILIGHEID).isPresent()) {
            throw RuleViolation.of(CaseRule.AFWEGINGSKADER_INCOMPLETE, null,
                    "Het besluit over melden volgt op afweging 1 (vermoeden: ja) en afweging 2 (veiligheid).");
        }
        if (!decision.reportNecessary()) {
            if (meldnorm != null) {
                throw RuleViolation.of(CaseRule.MELDNORM_REQUIRES_REPORT, "reportNecessary",
                        "Melden is noodzakelijk: " + meldnorm.dutchDescription() + ". Een besluit om niet te melden kan niet.");
            }
            if (!progress.answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES)) {
                throw RuleViolation.of(CaseRule.AFWEGINGSKADER_INCOMPLETE, "reportNecessary",
                        "Besluiten niet te melden kan pas als afweging 3 (hulp) en 4 (hulp aanvaarden) met ja zijn beantwoord.");
            }
        }
        progress.answer(AfwegingQuestion.HULP).ifPresent(help -> {
            if ((help == WeighingAnswer.YES) != decision.schoolCanOfferHelp()) {
                throw RuleViolation.of(CaseRule.HELP_DECISION_CONTRADICTS_AFWEGING, "schoolCanOfferHelp");
            }
        });
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.lastWeighingAt(), "occurredAt", "de afwegingen waarop het besluit volgt");
        requireNotBefore(command.occurredAt(), times.sentBackAt(), "occurredAt", "het terugsturen van het vorige besluit door de directeur");
        apply(new ReportDecided(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), decision, meldnorm));
        if (CasePermissions.isResponsiblePrincipal(command.actor(), file)) {
            apply(new ReportDecisionApproved(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(),
                    new ReportDecisionApproval("Besloten door de verantwoordelijke directeur."), decision));
        }
    }

    @CommandHandler
    public void handle(ApproveReportDecision command, MetaData metaData) {
        CasePermissions.requireResponsiblePrincipal(command.actor(), file);
        requireOpen();
        CaseFile.ReportDecisionState pending = file.currentDecision()
                .filter(decision -> !decision.approved())
                .orElseThrow(() -> RuleViolation.of(CaseRule.NO_DECISION_TO_APPROVE));
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.decidedAt(), "occurredAt", "het besluit over melden");
        apply(new ReportDecisionApproved(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(),
                command.approval(), pending.decision()));
    }

    /**
     * The principal does not approve the pending decision but sends it back with a reason: the decision no longer
     * stands, and the casemanager takes the two decisions of step 5 again. An approved decision is not sent back: it
     * may already have been reported in the name of the directie.
     */
    @CommandHandler
    public void handle(SendBackReportDecision command, MetaData metaData) {
        requireOpen();
        if (!CasePermissions.isResponsiblePrincipal(command.actor(), file)) {
            throw RuleViolation.of(CaseRule.ONLY_RESPONSIBLE_PRINCIPAL_SENDS_BACK);
        }
        CaseFile.ReportDecisionState pending = file.currentDecision()
                .filter(decision -> !decision.approved())
                .orElseThrow(() -> RuleViolation.of(CaseRule.NO_DECISION_TO_SEND_BACK));
        requireText(command.sendBack() == null ? null : command.sendBack().reason(), "reason");
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.decidedAt(), "occurredAt", "het besluit over melden");
        apply(new ReportDecisionSentBack(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(),
                command.sendBack(), pending.decision()));
    }

    @CommandHandler
    public void handle(InformParentsOfReport command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requireApprovedDecisionToReport();
        requireCaseTime(command.occurredAt(), "heldAt", metaData);
        requireNotBefore(command.occurredAt(), times.decidedAt(), "heldAt", "het besluit om te melden");
        apply(new ParentsInformedOfReport(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.conversation()));
    }

    @CommandHandler
    public void handle(SkipInformingParentsOfReport command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        requireApprovedDecisionToReport();
        requirePermittedSkipAfterVeiligThuis(command.skip());
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.decidedAt(), "occurredAt", "het besluit om te melden");
        apply(new InformingParentsOfReportSkipped(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.skip()));
    }

    @CommandHandler
    public void handle(RecordReport command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        CaseFile.ReportDecisionState pending = requireApprovedDecisionToReport();
        if (!pending.parentsInformedOrSkipped()) {
            throw RuleViolation.of(CaseRule.PARENTS_NOT_INFORMED_OF_REPORT);
        }
        requireText(command.report().reportedFacts(), "reportedFacts");
        requireCaseTime(command.occurredAt(), "reportedAt", metaData);
        requireNotBefore(command.occurredAt(), times.approvedAt(), "reportedAt", "de goedkeuring van het besluit door de directeur");
        requireNotBefore(command.occurredAt(), times.parentsInformedOfReportAt(), "reportedAt",
                "het gesprek met de ouders over de melding of het besluit dat niet te voeren");
        apply(new ReportRecorded(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.report(),
                file.team().principalId(), pending.applicableMeldnorm()));
    }

    @CommandHandler
    public void handle(RecordVeiligThuisFeedback command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        if (file.reportAwaitingFeedback().isEmpty()) {
            throw RuleViolation.of(CaseRule.NO_REPORT_AWAITING_FEEDBACK);
        }
        requireCaseTime(command.occurredAt(), "receivedAt", metaData);
        requireNotBefore(command.occurredAt(), times.reportedAt(), "receivedAt", "de melding");
        apply(new VeiligThuisFeedbackRecorded(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.feedback()));
    }

    @CommandHandler
    public void handle(StartHelp command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        file.pendingMeldnorm().ifPresent(meldnorm -> {
            throw RuleViolation.of(CaseRule.MELDNORM_REQUIRES_REPORT, null,
                    "Melden is noodzakelijk (" + meldnorm.dutchDescription() + "); hulp komt daarna in overleg met Veilig Thuis.");
        });
        if (file.reports().isEmpty()) {
            requireApprovedDecisionForOwnHelp();
        }
        if (file.activeHelp().isPresent()) {
            throw RuleViolation.of(CaseRule.HELP_ALREADY_ACTIVE);
        }
        requireCompletePlan(command.plan());
        requireCaseTime(command.occurredAt(), "occurredAt", metaData);
        apply(new HelpStarted(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), command.plan()));
    }

    @CommandHandler
    public void handle(EvaluateHelp command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        HelpPlan plan = file.activeHelp().orElseThrow(() -> RuleViolation.of(CaseRule.NO_ACTIVE_HELP));
        HelpEvaluation evaluation = command.evaluation();
        requireText(evaluation.evaluation(), "evaluation");
        if (evaluation.resultsAchieved()) {
            if (evaluation.evaluatedOn().isBefore(plan.term())) {
                throw RuleViolation.of(CaseRule.HELP_TERM_NOT_REACHED, "evaluatedOn",
                        "De hulp wordt op de afgesproken termijn (" + plan.term() + ") geëvalueerd; die is nog niet bereikt.");
            }
            if (isBlank(evaluation.monitoringAgreements())) {
                throw RuleViolation.of(CaseRule.MONITORING_AGREEMENTS_REQUIRED, "monitoringAgreements");
            }
        }
        WeighingOutcome outcome = Afwegingskader.evaluationOutcome(evaluation.resultsAchieved(), file.afwegingskader().togetherWithVeiligThuis());
        requireCaseDay(evaluation.evaluatedOn(), "evaluatedOn", metaData);
        apply(new HelpEvaluated(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), evaluation, outcome));
    }

    // ---- closing and reopening

    @CommandHandler
    public void handle(CloseCase command, MetaData metaData) {
        CasePermissions.requireCaseLead(command.actor());
        requireOpen();
        Closure closure = command.closure();
        requireText(closure.conclusion(), "conclusion");
        file.pendingMeldnorm().ifPresent(meldnorm -> {
            throw RuleViolation.of(CaseRule.MELDNORM_REQUIRES_REPORT, null,
                    "Melden is noodzakelijk (" + meldnorm.dutchDescription() + "); het dossier kan niet sluiten zonder melding.");
        });
        file.currentDecision().filter(pending -> pending.decision().reportNecessary()).ifPresent(pending -> {
            throw RuleViolation.of(CaseRule.REPORT_DECIDED_NOT_MADE);
        });
        if (file.activeHelp().isPresent()) {
            throw RuleViolation.of(CaseRule.HELP_NOT_EVALUATED);
        }
        switch (closure.outcome()) {
            case NO_SUSPICION -> {
                if (!file.afwegingskader().answeredWith(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)) {
                    throw RuleViolation.of(CaseRule.NO_SUSPICION_NOT_ESTABLISHED, "outcome");
                }
                if (!closure.suspicionUnfounded()) {
                    throw RuleViolation.of(CaseRule.NO_SUSPICION_MUST_BE_EXPLICIT, "suspicionUnfounded");
                }
            }
            case HELP_COMPLETED -> {
                boolean completed = file.lastHelpEvaluation().map(HelpEvaluation::resultsAchieved).orElse(false);
                if (!completed) {
                    throw RuleViolation.of(CaseRule.HELP_NOT_COMPLETED, "outcome");
                }
            }
            case REPORTED_AND_HANDED_OVER -> {
                if (file.reports().isEmpty()) {
                    throw RuleViolation.of(CaseRule.NO_REPORT_RECORDED, "outcome");
                }
                if (file.reportAwaitingFeedback().isPresent()) {
                    throw RuleViolation.of(CaseRule.VEILIG_THUIS_FEEDBACK_PENDING, "outcome");
                }
            }
        }
        requireNotInTheFuture(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.lastActAt(), "occurredAt", "de laatste stap in het dossier");
        apply(new CaseClosed(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), closure));
    }

    @CommandHandler
    public void handle(ReopenCase command, MetaData metaData) {
        // Who may act comes first: someone who may not reopen the case must not learn whether it is closed.
        CasePermissions.requireCaseLead(command.actor());
        if (!file.isClosed()) {
            throw RuleViolation.of(CaseRule.CASE_NOT_CLOSED);
        }
        if (file.isTextErased()) {
            throw RuleViolation.of(RetentionRule.TEXT_ERASED);
        }
        requireText(command.reopening().reason(), "reason");
        List<AttachedSignal> newSignals = command.reopening().newSignals().stream()
                .filter(signal -> file.signal(signal.signalId()).isEmpty())
                .toList();
        requireValidSignals(newSignals, "newSignals", command.occurredAt());
        requireNotInTheFuture(command.occurredAt(), "occurredAt", metaData);
        requireNotBefore(command.occurredAt(), times.closedAt(), "occurredAt", "het sluiten van het dossier");
        apply(new CaseReopened(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(),
                new Reopening(command.reopening().reason(), newSignals)));
    }

    /** Crypto-shredding: only a case closed for longer than its retention period loses its text, once. */
    @CommandHandler
    public void handle(EraseCaseText command) {
        if (file.isTextErased()) {
            throw RuleViolation.of(RetentionRule.NOTHING_TO_ERASE);
        }
        Instant closedAt = file.closedAt().orElseThrow(() -> RuleViolation.of(RetentionRule.RETENTION_NOT_STARTED));
        if (!Retention.passed(closedAt, command.retention(), command.occurredAt())) {
            throw RuleViolation.of(RetentionRule.RETENTION_NOT_PASSED);
        }
        apply(new CaseTextErased(caseId, file.schoolId(), file.pupilRef(), command.actor(), command.occurredAt(), closedAt, command.retention()));
    }

    @EventSourcingHandler
    void on(MeldcodeCaseEvent event) {
        if (event instanceof CaseOpened) {
            caseId = event.caseId();
        }
        file.apply(event);
        times.apply(event);
    }

    // ---- guards

    /**
     * A business time of step 2 to 5: not after the moment of recording (beyond the clock tolerance) and not before
     * the case was opened. A signal may be older than its case; what the school did about it cannot be.
     */
    private void requireCaseTime(Instant at, String field, MetaData metaData) {
        requireNotInTheFuture(at, field, metaData);
        if (at.isBefore(times.openedAt())) {
            throw RuleViolation.of(CaseRule.BEFORE_CASE_OPENED, field,
                    "Dit tijdstip ligt vóór de opening van het dossier (" + MOMENT.format(times.openedAt()) + ").");
        }
    }

    /**
     * A day of step 5 (the evaluation of help): the same rules, and not before the help started. A day carries no
     * time zone: the schools keep Amsterdam's calendar, but a device or a server may have meant UTC, which is up to
     * two hours behind. A day is refused only when it is impossible in either reading: after the recording day in
     * Amsterdam, or before the opening day in UTC.
     */
    private void requireCaseDay(LocalDate day, String field, MetaData metaData) {
        RecordingMoment.in(metaData).ifPresent(recordedAt -> {
            if (day.isAfter(recordedAt.plus(RecordingMoment.CLOCK_TOLERANCE).atZone(SCHOOL_ZONE).toLocalDate())) {
                throw RuleViolation.of(CaseRule.IN_THE_FUTURE, field);
            }
        });
        if (day.isBefore(times.openedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
            throw RuleViolation.of(CaseRule.BEFORE_CASE_OPENED, field,
                    "Deze dag ligt vóór de opening van het dossier (" + MOMENT.format(times.openedAt()) + ").");
        }
        times.helpStartsOn().filter(day::isBefore).ifPresent(start -> {
            throw RuleViolation.of(CaseRule.BEFORE_PRECEDING_STEP, field, "Deze dag ligt vóór de start van de hulp (" + start + ").");
        });
    }

    private static void requireNotInTheFuture(Instant at, String field, MetaData metaData) {
        RecordingMoment.in(metaData).ifPresent(recordedAt -> {
            if (at.isAfter(recordedAt.plus(RecordingMoment.CLOCK_TOLERANCE))) {
                throw RuleViolation.of(CaseRule.IN_THE_FUTURE, field);
            }
        });
    }

    private static void requireNotBefore(Instant at, Optional<Instant> preceding, String field, String precedingStep) {
        preceding.filter(at::isBefore).ifPresent(moment -> {
            throw RuleViolation.of(CaseRule.BEFORE_PRECEDING_STEP, field,
                    "Dit tijdstip ligt vóór " + precedingStep + " (" + MOMENT.format(moment) + ").");
        });
    }

    private void requireOpen() {
        if (file.isClosed()) {
            throw RuleViolation.of(CaseRule.CASE_CLOSED);
        }
    }

    private void requireStepsOneToThreeDone() {
        if (!file.consulted()) {
            throw RuleViolation.of(CaseRule.STEP_2_INCOMPLETE, "question");
        }
        if (!file.parentsTalkedToOrSkipped()) {
            throw RuleViolation.of(CaseRule.STEP_3_INCOMPLETE, "question");
        }
    }

    private static void requireNextQuestion(AfwegingQuestion question, AfwegingskaderProgress progress) {
        if (question == AfwegingQuestion.RESULTAAT) {
            throw RuleViolation.of(CaseRule.AFWEGINGSKADER_ORDER, "question",
                    "Afweging 5 (resultaat) wordt beantwoord met de evaluatie van de hulp op de afgesproken termijn.");
        }
        AfwegingQuestion expected = progress.nextQuestion().orElse(null);
        if (question != expected) {
            String next = expected == null
                    ? "Het afwegingskader wacht nu niet op een antwoord; begin zo nodig opnieuw bij afweging 1 (vermoeden)."
                    : "Beantwoord eerst " + expected.dutchName() + ".";
            throw RuleViolation.of(CaseRule.AFWEGINGSKADER_ORDER, "question", next);
        }
    }

    private void requirePlausibleAnswer(Weighing weighing) {
        if (weighing.answer() == WeighingAnswer.DOUBT && weighing.question() != AfwegingQuestion.VEILIGHEID) {
            throw RuleViolation.of(CaseRule.ANSWER_NOT_ALLOWED, "answer");
        }
        if (weighing.question() == AfwegingQuestion.VERMOEDEN && weighing.answer() == WeighingAnswer.YES && !weighing.principalInformed()) {
            throw RuleViolation.of(CaseRule.PRINCIPAL_NOT_INFORMED, "principalInformed");
        }
        if (weighing.question() == AfwegingQuestion.VEILIGHEID) {
            if (weighing.answer() == WeighingAnswer.YES && !weighing.acuteUnsafety() && !weighing.structuralUnsafety()) {
                throw RuleViolation.of(CaseRule.UNSAFETY_KIND_REQUIRED, "acuteUnsafety");
            }
            if (weighing.answer() == WeighingAnswer.NO && file.holdsSignalFlagged(SignalFlag.DISCLOSURE)) {
                throw RuleViolation.of(CaseRule.DISCLOSURE_IS_ACUTE_UNSAFETY, "answer");
            }
        }
    }

    /** Without a report, help follows afweging 3 and 4 and the principal-approved decisions of step 5. */
    private void requireApprovedDecisionForOwnHelp() {
        if (!file.afwegingskader().answeredWith(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES)) {
            throw RuleViolation.of(CaseRule.HELP_NOT_AGREED);
        }
        CaseFile.ReportDecisionState current = file.currentDecision()
                .filter(decision -> !decision.decision().reportNecessary() && decision.decision().schoolCanOfferHelp())
                .orElseThrow(() -> RuleViolation.of(CaseRule.REPORT_DECISION_REQUIRED));
        if (!current.approved()) {
            throw RuleViolation.of(CaseRule.PRINCIPAL_APPROVAL_REQUIRED);
        }
    }

    private CaseFile.ReportDecisionState requireApprovedDecisionToReport() {
        CaseFile.ReportDecisionState pending = file.currentDecision()
                .filter(decision -> decision.decision().reportNecessary())
                .orElseThrow(() -> RuleViolation.of(CaseRule.NO_REPORT_DECIDED));
        if (!pending.approved()) {
            throw RuleViolation.of(CaseRule.PRINCIPAL_APPROVAL_REQUIRED);
        }
        return pending;
    }

    private static void requirePermittedSkip(ParentContactSkip skip) {
        if (skip == null || skip.reason() == null) {
            throw RuleViolation.of(CaseRule.SKIP_REASON_REQUIRED, "reason");
        }
        if (isBlank(skip.considerations())) {
            throw RuleViolation.of(CaseRule.SKIP_REASON_REQUIRED, "considerations");
        }
    }

    private void requirePermittedSkipAfterVeiligThuis(ParentContactSkip skip) {
        requirePermittedSkip(skip);
        if (!file.veiligThuisConsulted()) {
            throw RuleViolation.of(CaseRule.VEILIG_THUIS_CONSULTATION_REQUIRED);
        }
    }

    private static void requireCompleteTeam(CaseTeam team) {
        if (team == null || isBlank(team.casemanagerId()) || isBlank(team.advisorId()) || isBlank(team.principalId())) {
            throw RuleViolation.of(CaseRule.CASE_TEAM_INCOMPLETE, "team");
        }
    }

    private static void requireValidSignals(List<AttachedSignal> signals, String field, Instant recordedAt) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            AttachedSignal signal = signals.get(i);
            requireText(signal.signalId(), field + "[" + i + "].signalId");
            if (!seen.add(signal.signalId())) {
                throw RuleViolation.of(CaseRule.DUPLICATE_SIGNAL, field + "[" + i + "].signalId");
            }
            if (signal.content() == null) {
                throw RuleViolation.of(SignalRule.SIGNAL_FIELD_REQUIRED, field + "[" + i + "].content");
            }
            signal.content().requireValid(field + "[" + i + "].content", recordedAt);
        }
    }

    private static void requireCompletePlan(HelpPlan plan) {
        if (plan.term() == null) {
            throw RuleViolation.of(CaseRule.HELP_TERM_REQUIRED, "term");
        }
        if (plan.startsOn() != null && !plan.term().isAfter(plan.startsOn())) {
            throw RuleViolation.of(CaseRule.HELP_TERM_BEFORE_START, "term");
        }
        if (isBlank(plan.casemanagerId())) {
            throw RuleViolation.of(CaseRule.HELP_CASEMANAGER_REQUIRED, "casemanagerId");
        }
        if (plan.tasks() == null || plan.tasks().isEmpty()) {
            throw RuleViolation.of(CaseRule.HELP_TASKS_REQUIRED, "tasks");
        }
    }

    private static void requireText(String text, String field) {
        if (isBlank(text)) {
            throw RuleViolation.of(CaseRule.TEXT_REQUIRED, field);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
