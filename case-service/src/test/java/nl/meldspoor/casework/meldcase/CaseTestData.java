package nl.meldspoor.casework.meldcase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpened;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.ColleagueConsulted;
import nl.meldspoor.api.meldcase.ConcernsWeighed;
import nl.meldspoor.api.meldcase.Consent;
import nl.meldspoor.api.meldcase.ConsentAnswer;
import nl.meldspoor.api.meldcase.ConsentRecorded;
import nl.meldspoor.api.meldcase.HelpEvaluated;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpStarted;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.Meldnorm;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentsInformedOfReport;
import nl.meldspoor.api.meldcase.ParentsTalkedTo;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecided;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.ReportDecisionApproved;
import nl.meldspoor.api.meldcase.ReportRecorded;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.TalkWithParentsSkipped;
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

/** People, moments and ready-made histories for the case scenarios. */
final class CaseTestData {

    static final String CASE_ID = "case-1";
    static final String SCHOOL = "school-a";
    static final String PUPIL = "pupil-7f3a";
    static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    static final Actor ADVISOR = new Actor("af-bram", Role.ADVISOR);
    static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    static final Actor OTHER_PRINCIPAL = new Actor("dir-dirk", Role.PRINCIPAL);
    static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);
    static final Actor CONFIDANT = new Actor("icp-femke", Role.CONFIDANT);
    static final CaseTeam TEAM = new CaseTeam(IB.personId(), ADVISOR.personId(), "school-b", PRINCIPAL.personId());
    static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    private CaseTestData() {
    }

    static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    static SignalContent content(SignalFlag... flags) {
        return new SignalContent(T0.minus(Duration.ofHours(2)), "klaslokaal groep 5", "tijdens de gymles",
                List.of(new Statement("Blauwe plekken op beide bovenarmen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("J.D."), SignalCategory.HOME_SITUATION, Set.of(flags), List.of("NJI-4.2"), TEACHER);
    }

    static AttachedSignal signal(String id, SignalFlag... flags) {
        return new AttachedSignal(id, content(flags));
    }

    static CaseOpening opening(AttachedSignal... signals) {
        return new CaseOpening(SCHOOL, PUPIL, "family-12", TEAM, "Zorgen over blauwe plekken en teruggetrokken gedrag.", List.of(signals));
    }

    static CaseOpened opened(AttachedSignal... signals) {
        return new CaseOpened(CASE_ID, SCHOOL, PUPIL, IB, T0, opening(signals.length == 0 ? new AttachedSignal[]{signal("sig-1")} : signals));
    }

    static ColleagueConsultation colleagueConsultation() {
        return new ColleagueConsultation(day(1), "lk-gijs", "leerkracht van het broertje", "De signalen van de afgelopen weken.",
                SameSignals.YES, "Hoe het thuis gaat sinds de verhuizing.");
    }

    static VeiligThuisConsultation veiligThuisConsultation() {
        return new VeiligThuisConsultation(day(1), true, "Hoe wegen wij deze signalen?", "Bespreek de zorgen met de ouders.", null);
    }

    static ParentConversation parentConversation() {
        return new ParentConversation(day(2), List.of(IB.personId(), TEACHER.personId()), List.of("moeder"),
                "De blauwe plekken en het teruggetrokken gedrag.", "Moeder herkent het gedrag, niet de plekken.",
                "Over twee weken opnieuw in gesprek.", new Kindcheck(true, "Een broertje van 4 jaar, bij de ouders thuis."));
    }

    static ParentContactSkip skip(ParentContactSkipReason reason) {
        return new ParentContactSkip(reason, "Vader dreigde eerder de school te mijden; Veilig Thuis adviseert niet eerst met ouders te spreken.");
    }

    static Weighing weighing(AfwegingQuestion question, WeighingAnswer answer) {
        return new Weighing(question, answer, "Onderbouwing van " + question.dutchName(), false, false, false,
                question == AfwegingQuestion.VERMOEDEN, false);
    }

    static Weighing unsafe(boolean acute, boolean structural) {
        return new Weighing(AfwegingQuestion.VEILIGHEID, WeighingAnswer.YES, "Structurele onveiligheid", acute, structural, false, false, false);
    }

    static WeighingOutcome next(AfwegingQuestion question) {
        return new WeighingOutcome(false, null, question, false);
    }

    static WeighingOutcome required(Meldnorm meldnorm, AfwegingQuestion next, boolean togetherWithVeiligThuis) {
        return new WeighingOutcome(true, meldnorm, next, togetherWithVeiligThuis);
    }

    static HelpPlan helpPlan() {
        return new HelpPlan(LocalDate.of(2026, 11, 16), "Opvoedondersteuning via het wijkteam", "Geen nieuwe plekken; kind is weer open",
                List.of(new HelpTask("wijkteam", "Wekelijks huisbezoek"), new HelpTask(IB.personId(), "Maandelijks gesprek met moeder")),
                IB.personId(), LocalDate.of(2027, 2, 1));
    }

    static ReportDecision decision(boolean report, boolean help) {
        return new ReportDecision(report, help, "Afweging volgens het afwegingskader.");
    }

    static VeiligThuisReport report() {
        return new VeiligThuisReport(day(10), IB.personId(), "VT-2026-0042", true, "Blauwe plekken, onthulling, zorgen thuis.");
    }

    static ReportConversation reportConversation() {
        return new ReportConversation(day(9), List.of(IB.personId(), PRINCIPAL.personId()), List.of("moeder", "vader"),
                "Ouders zijn boos maar begrijpen de zorg.", "Vader maakt bezwaar tegen de melding.");
    }

    /** A history built step by step, so that each scenario starts from exactly the state it is about. */
    static final class History {
        private final List<Object> events = new ArrayList<>();
        private int round;

        private History(AttachedSignal... signals) {
            events.add(CaseTestData.opened(signals));
        }

        static History opened(AttachedSignal... signals) {
            return new History(signals);
        }

        /** Steps 1 to 3 done: a colleague consulted and the parents talked to. */
        static History stepsOneToThree() {
            return opened().consultedColleague().talkedToParents();
        }

        private <E extends MeldcodeCaseEvent> History add(E event) {
            events.add(event);
            return this;
        }

        History consultedColleague() {
            return add(new ColleagueConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(1), colleagueConsultation()));
        }

        History consultedVeiligThuis() {
            return add(new VeiligThuisConsulted(CASE_ID, SCHOOL, PUPIL, IB, day(1), veiligThuisConsultation()));
        }

        History talkedToParents() {
            return add(new ParentsTalkedTo(CASE_ID, SCHOOL, PUPIL, IB, day(2), parentConversation()));
        }

        History skippedParents(ParentContactSkipReason reason) {
            return add(new TalkWithParentsSkipped(CASE_ID, SCHOOL, PUPIL, IB, day(2), skip(reason)));
        }

        History consent(ConsentAnswer answer) {
            return add(new ConsentRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(2),
                    new Consent(day(2), answer, "beide ouders", "jeugdarts en schoolmaatschappelijk werk", true, null)));
        }

        History weighed(AfwegingQuestion question, WeighingAnswer answer, WeighingOutcome outcome) {
            if (question == AfwegingQuestion.VERMOEDEN) {
                round++;
            }
            return add(new ConcernsWeighed(CASE_ID, SCHOOL, PUPIL, IB, day(3), weighing(question, answer), round, outcome));
        }

        /** Question 1 answered yes. */
        History suspicion() {
            return weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES, next(AfwegingQuestion.VEILIGHEID));
        }

        History noSuspicion() {
            return weighed(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO, new WeighingOutcome(false, null, null, false));
        }

        /** Question 2 answered yes: meldnorm 1. */
        History unsafe() {
            return weighed(AfwegingQuestion.VEILIGHEID, WeighingAnswer.YES,
                    required(Meldnorm.ACUTE_OR_STRUCTURAL_UNSAFETY, AfwegingQuestion.HULP, true));
        }

        History safe() {
            return weighed(AfwegingQuestion.VEILIGHEID, WeighingAnswer.NO, next(AfwegingQuestion.HULP));
        }

        History helpPossible() {
            return weighed(AfwegingQuestion.HULP, WeighingAnswer.YES, next(AfwegingQuestion.HULP_AANVAARDEN));
        }

        History helpImpossible() {
            return weighed(AfwegingQuestion.HULP, WeighingAnswer.NO, required(Meldnorm.NO_EFFECTIVE_HELP, null, false));
        }

        History helpAccepted() {
            return weighed(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES, next(AfwegingQuestion.RESULTAAT));
        }

        History decided(boolean report, boolean help, Meldnorm meldnorm) {
            return add(new ReportDecided(CASE_ID, SCHOOL, PUPIL, IB, day(8), decision(report, help), meldnorm));
        }

        History approved(boolean report, boolean help) {
            return add(new ReportDecisionApproved(CASE_ID, SCHOOL, PUPIL, PRINCIPAL, day(8), new ReportDecisionApproval(null), decision(report, help)));
        }

        History parentsInformedOfReport() {
            return add(new ParentsInformedOfReport(CASE_ID, SCHOOL, PUPIL, IB, day(9), reportConversation()));
        }

        History reported(Meldnorm meldnorm) {
            return add(new ReportRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(10), report(), PRINCIPAL.personId(), meldnorm));
        }

        History feedback() {
            return add(new VeiligThuisFeedbackRecorded(CASE_ID, SCHOOL, PUPIL, IB, day(14),
                    new VeiligThuisFeedback(day(14), VeiligThuisDecision.OWN_INVESTIGATION, "Blijft signaleren en deelt zorgen.", true, null)));
        }

        History helpStarted() {
            return add(new HelpStarted(CASE_ID, SCHOOL, PUPIL, IB, day(15), helpPlan()));
        }

        History helpEvaluated(boolean achieved) {
            return add(new HelpEvaluated(CASE_ID, SCHOOL, PUPIL, IB, day(100),
                    new HelpEvaluation(LocalDate.of(2027, 2, 1), achieved, "Evaluatie met ouders en wijkteam.", achieved ? "Maandelijks contact tot de zomer." : null),
                    achieved ? new WeighingOutcome(false, null, null, false) : required(Meldnorm.UNSAFETY_PERSISTS, null, false)));
        }

        /** The whole report path after a meldnorm: decided, approved, parents told, reported. */
        History reportedUnder(Meldnorm meldnorm) {
            return decided(true, false, meldnorm).approved(true, false).parentsInformedOfReport().reported(meldnorm);
        }

        /** Own help agreed without a report, approved by the principal. */
        History ownHelpAgreed() {
            return suspicion().safe().helpPossible().helpAccepted().decided(false, true, null).approved(false, true);
        }

        Object[] events() {
            return events.toArray();
        }
    }
}
