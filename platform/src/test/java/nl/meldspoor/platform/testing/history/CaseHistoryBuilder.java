package nl.meldspoor.platform.testing.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Period;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.meldcase.CaseTextErased;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseClosed;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.SignalAttached;
import nl.meldspoor.api.meldcase.VeiligThuisConsultation;
import nl.meldspoor.api.meldcase.VeiligThuisConsulted;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisFeedbackRecorded;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.meldcase.WeighingOutcome;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import nl.meldspoor.platform.consuming.PublishedEvent;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** Builds the published history of one meldcode case, day by day from a start moment. */
public final class CaseHistoryBuilder {

    public static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    public static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    public static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);

    private final String caseId = UUID.randomUUID().toString();
    private final String schoolId;
    private final Instant start;
    private final List<MeldcodeCaseEvent> events = new ArrayList<>();
    private int day;

    private CaseHistoryBuilder(String schoolId, Instant start, String pupilRef, List<AttachedSignal> signals) {
        this.schoolId = schoolId;
        this.start = start;
        CaseOpening opening = new CaseOpening(schoolId, pupilRef == null ? "pupil-" + caseId.substring(0, 8) : pupilRef, null,
                new CaseTeam(IB.personId(), "af-bram", schoolId, PRINCIPAL.personId()), "Zorgen over blauwe plekken.",
                signals.isEmpty() ? List.of(signal("sig-" + caseId, start.minus(Duration.ofHours(1)))) : signals);
        events.add(new CaseOpened(caseId, schoolId, opening.pupilRef(), IB, start, opening));
    }

    public static CaseHistoryBuilder openedAt(String schoolId, Instant start) {
        return new CaseHistoryBuilder(schoolId, start, null, List.of());
    }

    /** A case opened for this pupil with these signals, as the IB'er opens it or as an escalation from the pupil file does. */
    public static CaseHistoryBuilder openedWith(String schoolId, Instant start, String pupilRef, AttachedSignal... signals) {
        return new CaseHistoryBuilder(schoolId, start, pupilRef, List.of(signals));
    }

    /** A signal as a case holds it, observed at the moment given, with the flags given (urgent when any). */
    public static AttachedSignal signal(String signalId, Instant observedAt, SignalFlag... flags) {
        SignalContent content = new SignalContent(observedAt, "gymzaal", "omkleden",
                List.of(new Statement("Blauwe plekken op de armen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("J.D."), SignalCategory.HOME_SITUATION, Set.of(flags), List.of(), new Actor("lk-eva", Role.TEACHER));
        return new AttachedSignal(signalId, content);
    }

    /** A signal recorded straight into the case, on the next day. */
    public CaseHistoryBuilder signalAttached(AttachedSignal signal) {
        events.add(new SignalAttached(caseId, schoolId, pupil(), IB, next(), signal));
        return this;
    }

    public String caseId() {
        return caseId;
    }

    private Instant next() {
        return start.plus(Duration.ofDays(++day));
    }

    public CaseHistoryBuilder consultedColleague() {
        Instant at = next();
        events.add(new ColleagueConsulted(caseId, schoolId, pupil(), IB, at,
                new ColleagueConsultation(at, "lk-gijs", "vorige leerkracht", "De signalen.", SameSignals.YES, null)));
        return this;
    }

    public CaseHistoryBuilder askedVeiligThuis() {
        Instant at = next();
        events.add(new VeiligThuisConsulted(caseId, schoolId, pupil(), IB, at,
                new VeiligThuisConsultation(at, true, "Hoe wegen wij dit?", "Ga in gesprek met de ouders.", null)));
        return this;
    }

    public CaseHistoryBuilder talkedToParents(boolean kindcheck) {
        Instant at = next();
        events.add(new ParentsTalkedTo(caseId, schoolId, pupil(), IB, at, new ParentConversation(at, List.of(IB.personId()),
                List.of("moeder"), "De zorgen.", "Moeder herkent het.", null, new Kindcheck(kindcheck, null))));
        return this;
    }

    public CaseHistoryBuilder weighed(AfwegingQuestion question, WeighingAnswer answer, WeighingOutcome outcome) {
        events.add(new ConcernsWeighed(caseId, schoolId, pupil(), IB, next(),
                new Weighing(question, answer, "Onderbouwing.", answer == WeighingAnswer.YES && question == AfwegingQuestion.VEILIGHEID,
                        false, false, question == AfwegingQuestion.VERMOEDEN, false), 1, outcome));
        return this;
    }

    public CaseHistoryBuilder suspicionAndUnsafety() {
        return weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES, new WeighingOutcome(false, null, AfwegingQuestion.VEILIGHEID, false))
                .weighed(AfwegingQuestion.VEILIGHEID, WeighingAnswer.YES,
                        new WeighingOutcome(true, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, AfwegingQuestion.HULP, true));
    }

    public CaseHistoryBuilder noSuspicion() {
        return weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO, new WeighingOutcome(false, null, null, false));
    }

    public CaseHistoryBuilder reported() {
        ReportDecision decision = new ReportDecision(true, false, "Meldnorm 1.");
        events.add(new ReportDecided(caseId, schoolId, pupil(), PRINCIPAL, next(), decision, Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
        events.add(new ReportDecisionApproved(caseId, schoolId, pupil(), PRINCIPAL, start.plus(Duration.ofDays(day)),
                new ReportDecisionApproval(null), decision));
        Instant told = next();
        events.add(new ParentsInformedOfReport(caseId, schoolId, pupil(), IB, told,
                new ReportConversation(told, List.of(IB.personId()), List.of("moeder"), "Geschrokken.", null)));
        Instant reported = next();
        events.add(new ReportRecorded(caseId, schoolId, pupil(), IB, reported,
                new VeiligThuisReport(reported, IB.personId(), "VT-1", false, "Feiten."), PRINCIPAL.personId(), Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
        return this;
    }

    /** The IB'er decides to report; the decision awaits the principal's approval. */
    public CaseHistoryBuilder decidedAwaitingApproval() {
        events.add(new ReportDecided(caseId, schoolId, pupil(), IB, next(), new ReportDecision(true, false, "Meldnorm 1."),
                Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY));
        return this;
    }

    /** The principal sends the pending decision back with a reason. */
    public CaseHistoryBuilder decisionSentBack() {
        events.add(new nl.meldspoor.api.meldcase.ReportDecisionSentBack(caseId, schoolId, pupil(), PRINCIPAL, next(),
                new nl.meldspoor.api.meldcase.ReportDecisionSendBack("Eerst de kindcheck afronden."), new ReportDecision(true, false, "Meldnorm 1.")));
        return this;
    }

    public CaseHistoryBuilder feedback() {
        Instant at = next();
        events.add(new VeiligThuisFeedbackRecorded(caseId, schoolId, pupil(), IB, at,
                new VeiligThuisFeedback(at, VeiligThuisDecision.OWN_INVESTIGATION, "Blijft signaleren.", true, null)));
        return this;
    }

    public CaseHistoryBuilder helpStarted() {
        LocalDate begin = start.plus(Duration.ofDays(day)).atOffset(ZoneOffset.UTC).toLocalDate();
        events.add(new HelpStarted(caseId, schoolId, pupil(), IB, next(), new HelpPlan(begin, "Wijkteam", "Veilig thuis",
                List.of(new HelpTask("wijkteam", "Huisbezoek")), IB.personId(), begin.plusDays(30))));
        return this;
    }

    public CaseHistoryBuilder closed(CaseOutcome outcome) {
        events.add(new CaseClosed(caseId, schoolId, pupil(), IB, next(),
                new Closure(outcome, "Conclusie.", outcome == CaseOutcome.NO_SUSPICION, null)));
        return this;
    }

    /** The case's texts erased after five years of retention, counted from the last event (the closing). */
    public CaseHistoryBuilder textErasedAfterRetention() {
        Instant closedAt = events.get(events.size() - 1).occurredAt();
        Period retention = Period.ofYears(5);
        events.add(new CaseTextErased(caseId, schoolId, pupil(), Retention.ERASER,
                closedAt.atZone(ZoneOffset.UTC).plus(retention).toInstant(), closedAt, retention));
        return this;
    }

    private String pupil() {
        return events.get(0).pupilRef();
    }

    public String pupilRef() {
        return pupil();
    }

    public List<MeldcodeCaseEvent> events() {
        return List.copyOf(events);
    }

    /** The events as the reporting-service receives them from Kafka. */
    public List<PublishedEvent> published() {
        List<PublishedEvent> published = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            MeldcodeCaseEvent event = events.get(sequence);
            try {
                published.add(new PublishedEvent(UUID.nameUUIDFromBytes((caseId + sequence).getBytes()).toString(),
                        event.getClass().getName(), "1", caseId, sequence, event.occurredAt(), event, JSON.writeValueAsString(event)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return published;
    }
}
