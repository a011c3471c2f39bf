package nl.meldspoor.casework.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;

/** Request bodies for the integration scenarios, with times relative to now (they must lie in the past). */
final class Requests {

    static final Actor IB = new Actor("ib-anna", Role.CARE_COORDINATOR);
    static final Actor PRINCIPAL = new Actor("dir-carla", Role.PRINCIPAL);
    static final Actor TEACHER = new Actor("lk-eva", Role.TEACHER);

    private Requests() {
    }

    static Instant ago(Duration duration) {
        return Instant.now().minus(duration);
    }

    /**
     * When a step of a case took place: a case is opened when the request arrives, and the case refuses a step dated
     * before its opening or before the step it follows, so the steps of these scenarios happen now, in order.
     */
    static Instant justNow() {
        return Instant.now();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static CaseOpening opening(String pupilRef) {
        return new CaseOpening("school-a", pupilRef, "family-12",
                new CaseTeam(IB.personId(), "af-bram", "school-b", PRINCIPAL.personId()),
                "Blauwe plekken en teruggetrokken gedrag.", List.of(signal("sig-" + pupilRef)));
    }

    static AttachedSignal signal(String id) {
        return new AttachedSignal(id, new SignalContent(ago(Duration.ofDays(3)), "gymzaal", "omkleden voor de gymles",
                List.of(new Statement("Blauwe plekken op beide bovenarmen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of("J.D."), SignalCategory.HOME_SITUATION, Set.of(), List.of(), TEACHER));
    }

    static ColleagueConsultation colleagueConsultation() {
        return new ColleagueConsultation(justNow(), "lk-gijs", "leerkracht van het broertje",
                "De signalen van de afgelopen weken.", SameSignals.YES, "Thuissituatie.");
    }

    static ParentConversation parentConversation() {
        return new ParentConversation(justNow(), List.of(IB.personId(), TEACHER.personId()), List.of("moeder"),
                "De blauwe plekken.", "Moeder herkent het gedrag.", "Over twee weken opnieuw.", new Kindcheck(true, "Broertje van 4."));
    }

    static Weighing weigh(AfwegingQuestion question, WeighingAnswer answer) {
        return new Weighing(question, answer, "Onderbouwing van " + question.dutchName(), false, false, false,
                question == AfwegingQuestion.VERMOEDEN, false);
    }

    static ReportDecision decision(boolean report, boolean help) {
        return new ReportDecision(report, help, "Volgens het afwegingskader.");
    }

    static ReportConversation reportConversation() {
        return new ReportConversation(justNow(), List.of(IB.personId(), PRINCIPAL.personId()), List.of("moeder"),
                "Moeder is geschrokken.", "Geen bezwaar.");
    }

    static VeiligThuisReport report() {
        return new VeiligThuisReport(justNow(), IB.personId(), "VT-0042", true, "Blauwe plekken; twijfel over veiligheid.");
    }

    static VeiligThuisFeedback feedback() {
        return new VeiligThuisFeedback(justNow(), VeiligThuisDecision.HANDOVER_TO_NEW_HELP, "Blijft signaleren.", true, null);
    }

    static HelpPlan helpPlan() {
        return new HelpPlan(today().minusDays(60), "Opvoedondersteuning via het wijkteam", "Geen nieuwe plekken",
                List.of(new HelpTask("wijkteam", "Wekelijks huisbezoek")), IB.personId(), today().minusDays(1));
    }

    static HelpEvaluation successfulEvaluation() {
        return new HelpEvaluation(today(), true, "Geen nieuwe signalen; kind is weer open.", "Maandelijks contact tot de zomer.");
    }
}
