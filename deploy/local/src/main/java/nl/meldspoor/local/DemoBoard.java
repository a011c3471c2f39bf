package nl.meldspoor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.incident.BullyingStep;
import nl.meldspoor.api.incident.BullyingStepDetails;
import nl.meldspoor.api.incident.IncidentClosure;
import nl.meldspoor.api.incident.IncidentReport;
import nl.meldspoor.api.incident.IncidentType;
import nl.meldspoor.api.incident.InvolvedParty;
import nl.meldspoor.api.incident.MeldplichtStep;
import nl.meldspoor.api.incident.MeldplichtStepDetails;
import nl.meldspoor.api.incident.ParentContactMethod;
import nl.meldspoor.api.incident.ParentsInformed;
import nl.meldspoor.api.incident.PartyRole;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.CaseOutcome;
import nl.meldspoor.api.meldcase.CaseTeam;
import nl.meldspoor.api.meldcase.Closure;
import nl.meldspoor.api.meldcase.ColleagueConsultation;
import nl.meldspoor.api.meldcase.HelpEvaluation;
import nl.meldspoor.api.meldcase.HelpPlan;
import nl.meldspoor.api.meldcase.HelpTask;
import nl.meldspoor.api.meldcase.Kindcheck;
import nl.meldspoor.api.meldcase.ParentContactSkip;
import nl.meldspoor.api.meldcase.ParentContactSkipReason;
import nl.meldspoor.api.meldcase.ParentConversation;
import nl.meldspoor.api.meldcase.ReportConversation;
import nl.meldspoor.api.meldcase.ReportDecision;
import nl.meldspoor.api.meldcase.ReportDecisionApproval;
import nl.meldspoor.api.meldcase.SameSignals;
import nl.meldspoor.api.meldcase.VeiligThuisConsultation;
import nl.meldspoor.api.meldcase.VeiligThuisDecision;
import nl.meldspoor.api.meldcase.VeiligThuisFeedback;
import nl.meldspoor.api.meldcase.VeiligThuisReport;
import nl.meldspoor.api.meldcase.Weighing;
import nl.meldspoor.api.meldcase.WeighingAnswer;
import nl.meldspoor.api.signal.Escalation;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InformationSource;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo board (two clusters, five schools) with some thirty meldcode cases in different steps, entered
 * through the public API as the schools' staff would, so every dashboard has something to show.
 */
final class DemoBoard {

    private static final Logger log = LoggerFactory.getLogger(DemoBoard.class);

    private final String caseService;
    private final String signalService;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Instant now = Instant.now();
    private int pupils;
    private int registered;

    private final LocalTokens tokens;

    DemoBoard(String caseService, String signalService, LocalTokens tokens) {
        this.caseService = caseService;
        this.signalService = signalService;
        this.tokens = tokens;
    }

    private static final List<String> GIVEN_NAMES = List.of("Sanne", "Daan", "Noor", "Lucas", "Emma", "Milan", "Julia", "Sem", "Tess", "Finn", "Lotte");
    private static final List<String> FAMILY_NAMES = List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos");

    /** Board-wide and read-only: sees whether a case was opened at any school. */
    private static final String AUDITOR = "audit-inspectie";
    private static final List<String> SCHOOLS = List.of("school-a", "school-b", "school-c", "school-d", "school-e");

    /** Each school gets most of these cases (which ones varies per school), about 33 in all. */
    void load() {
        List<Consumer<String>> patterns = List.of(
                this::reportedAndHandedOver,
                school -> opened(school, SignalCategory.HOME_SITUATION).stepsTwoAndThree(true).askVeiligThuis().suspicion()
                        .weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.DOUBT),
                this::noSuspicion,
                this::helpUnderWay,
                school -> opened(school, SignalCategory.SOCIAL_EMOTIONAL).consultColleague(),
                school -> opened(school, SignalCategory.HOME_SITUATION).stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe()
                        .reportWithParentsInformed(),
                this::disclosureReportedAtOnce,
                school -> opened(school, SignalCategory.UNSAFE_BEHAVIOUR),
                this::helpCompleted,
                school -> opened(school, SignalCategory.BULLYING).stepsTwoAndThree(false));
        int cases = 0;
        for (int s = 0; s < SCHOOLS.size(); s++) {
            for (int p = 0; p < patterns.size(); p++) {
                if ((s + p) % 3 != 0) {
                    patterns.get(p).accept(SCHOOLS.get(s));
                    cases++;
                }
            }
        }
        int signals = 0;
        for (String school : SCHOOLS) {
            for (SignalCategory category : SignalCategory.values()) {
                recordSignal(school, registerPupil(school), category);
                signals++;
            }
        }
        int incidents = 0;
        for (int s = 0; s < SCHOOLS.size(); s++) {
            incidents += incidents(SCHOOLS.get(s), s);
        }
        log.info("Demo board loaded: {} meldcode cases, {} further signals and {} incidents at {} schools", cases, signals, incidents, SCHOOLS.size());
    }

    /** Incidents of a school year: a few small ones, serious bullying with the five steps, and at one school the meldplicht. */
    private int incidents(String school, int index) {
        String letter = school.substring(school.length() - 1);
        Actor teacher = new Actor("lk-" + letter, Role.TEACHER);
        Actor principal = new Actor("dir-" + letter, Role.PRINCIPAL);
        int recorded = 0;
        List<IncidentType> small = List.of(IncidentType.PHYSICAL_VIOLENCE, IncidentType.THREATS_OR_INTIMIDATION, IncidentType.VANDALISM,
                IncidentType.THEFT, IncidentType.DISCRIMINATION_RACE, IncidentType.UNWANTED_BEHAVIOUR_TOWARDS_STAFF);
        for (int i = 0; i < 3 + index % 3; i++) {
            String id = recordIncident(teacher, school, small.get((index + i) % small.size()), Severity.MINOR, PartyRole.PUPIL_PERPETRATOR, 20 + i * 9);
            send(signalService, teacher, "/api/incidents/" + id + "/unsafe-behaviour-actions", new UnsafeBehaviourActionDetails(
                    UnsafeBehaviourAction.TEACHER_AND_PUPILS_SOLVE_TOGETHER, ago(18 + i * 9), List.of("ouders", "directie"), "Goed gesprek in de klas."));
            if (i % 2 == 0) {
                send(signalService, teacher, "/api/incidents/" + id + "/closure", new IncidentClosure("Opgelost; afspraken in de klas gemaakt."));
            }
            recorded++;
        }
        String bullying = recordIncident(teacher, school, IncidentType.SERIOUS_BULLYING, Severity.SERIOUS, PartyRole.PUPIL_PERPETRATOR, 40);
        for (BullyingStep step : List.of(BullyingStep.TALK_WITH_BULLIED_PUPIL, BullyingStep.TALK_WITH_BULLY, BullyingStep.SUPPORT_FOR_BOTH)) {
            send(signalService, teacher, "/api/incidents/" + bullying + "/bullying-steps",
                    new BullyingStepDetails(step, ago(38 - step.ordinal() * 3), List.of("ouders", "directie", "gedragscoördinator"), null));
        }
        recorded++;
        if (index == 2) {
            Actor board = new Actor("bo-bestuur", Role.BOARD_OFFICER);
            String meldplicht = recordIncident(principal, school, IncidentType.SEXUAL_OFFENCE_BY_STAFF, Severity.SERIOUS, PartyRole.STAFF_PERPETRATOR, 12);
            send(signalService, principal, "/api/incidents/" + meldplicht + "/meldplicht-steps",
                    new MeldplichtStepDetails(MeldplichtStep.BOARD_INFORMED, ago(12).plus(Duration.ofMinutes(75)), List.of(), null, null, null, null, null));
            send(signalService, board, "/api/incidents/" + meldplicht + "/meldplicht-steps",
                    new MeldplichtStepDetails(MeldplichtStep.INSPECTOR_CONSULTED, ago(11), List.of(), null, true, null, null, null));
            recorded++;
        }
        return recorded;
    }

    private String recordIncident(Actor recorder, String school, IncidentType type, Severity severity, PartyRole perpetrator, int daysAgo) {
        Instant occurred = ago(daysAgo);
        IncidentReport report = new IncidentReport(school, occurred, occurred.plus(Duration.ofMinutes(10)), "speelplaats", type, severity,
                List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, "lln-" + school + "-i" + daysAgo), new InvolvedParty(perpetrator, "p-" + school + "-" + daysAgo)),
                "Tijdens de pauze.", "Betrokkenen apart gezet en gesproken.",
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, occurred.plus(Duration.ofHours(4)), null), false, null, null);
        return send(signalService, recorder, "/api/incidents", report).path("id").asText();
    }

    private void reportedAndHandedOver(String school) {
        opened(school, SignalCategory.HOME_SITUATION).stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe().reportWithParentsInformed()
                .feedback().close(new Closure(CaseOutcome.REPORTED_AND_HANDED_OVER, "Gemeld en overgedragen aan het wijkteam.", false, null));
    }

    private void noSuspicion(String school) {
        opened(school, SignalCategory.SOCIAL_EMOTIONAL).stepsTwoAndThree(true)
                .weigh(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)
                .close(new Closure(CaseOutcome.NO_SUSPICION, "Het vermoeden is ongegrond gebleken: de plekken komen van de judoles.", true, null));
    }

    private void helpUnderWay(String school) {
        opened(school, SignalCategory.HOME_SITUATION).stepsTwoAndThree(true).ownHelpAgreed().startHelp(LocalDate.now(ZoneOffset.UTC).plusDays(30));
    }

    private void helpCompleted(String school) {
        opened(school, SignalCategory.HOME_SITUATION).stepsTwoAndThree(true).ownHelpAgreed().startHelp(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                .post("/help/evaluation", new HelpEvaluation(LocalDate.now(ZoneOffset.UTC), true, "Geen nieuwe signalen; het gaat goed thuis.",
                        "Maandelijks kort contact met moeder tot de zomer."))
                .close(new Closure(CaseOutcome.HELP_COMPLETED, "Hulp afgerond met afspraken over nazorg.", false, "Maandelijks contact."));
    }

    private void disclosureReportedAtOnce(String school) {
        Case disclosure = opened(school, SignalCategory.HOME_SITUATION, SignalFlag.DISCLOSURE);
        disclosure.post("/veilig-thuis-consultations", new VeiligThuisConsultation(justNow(), false, "Kind vertelt over slaan thuis; wat nu?",
                        "Niet eerst met ouders spreken; direct melden.", "VT-ADV-7731"))
                .post("/parent-conversations/skipped", new ParentContactSkip(ParentContactSkipReason.DISCLOSURE,
                        "Het kind vertelde over geweld thuis; op advies van Veilig Thuis niet eerst met de ouders gesproken."))
                .suspicion().unsafe();
        disclosure.asPrincipal("/report-decision", new ReportDecision(true, false, "Onthulling: acute onveiligheid, direct melden."))
                .post("/report-decision/parents-not-informed", new ParentContactSkip(ParentContactSkipReason.SAFETY_OF_CHILD,
                        "Veilig Thuis adviseert de ouders niet vooraf in te lichten vanwege de veiligheid van het kind."))
                .post("/report", new VeiligThuisReport(justNow(), disclosure.ib.personId(), "VT-2026-1187", true, "Onthulling door het kind."));
    }

    /** A teacher records a signal in the pupil's file; the IB'er escalates it; the case-service opens the case. */
    private Case opened(String school, SignalCategory category, SignalFlag... flags) {
        pupils++;
        Case demo = new Case(school);
        DemoPupil registered = registerPupil(school);
        String pupil = registered.ref();
        String signalId = recordSignal(school, registered, category, flags);
        Escalation escalation = new Escalation(school, List.of(signalId),
                new CaseTeam(demo.ib.personId(), "af-" + partner(school), partner(school), demo.principal.personId()),
                "Zorgen over het welzijn van de leerling.");
        demo.id = send(signalService, demo.ib, "/api/pupils/" + pupil + "/escalations", escalation).path("caseId").asText();
        awaitCase(demo.id);
        return demo;
    }

    /**
     * The school's IB'er registers the pupil, as a school does before anything is recorded about them; the registry
     * hands out the reference that the signals carry. Each demo pupil has a family of their own.
     */
    private DemoPupil registerPupil(String school) {
        registered++;
        Actor ib = new Actor("ib-" + school.substring(school.length() - 1), Role.CARE_COORDINATOR);
        Map<String, Object> identity = Map.of("givenName", GIVEN_NAMES.get(registered % GIVEN_NAMES.size()),
                "familyName", FAMILY_NAMES.get(registered % FAMILY_NAMES.size()),
                "birthDate", LocalDate.of(2015 + registered % 6, 1 + registered % 12, 1 + registered % 28).toString(),
                "group", 1 + registered % 8, "familyRef", familyOf(school, registered));
        return new DemoPupil(send(signalService, ib, "/api/schools/" + school + "/pupils", identity).path("pupilRef").asText(),
                familyOf(school, registered));
    }

    private record DemoPupil(String ref, String familyRef) {
    }

    private static String familyOf(String school, int pupil) {
        return "gezin-" + school + "-" + pupil;
    }

    private String recordSignal(String school, DemoPupil pupil, SignalCategory category, SignalFlag... flags) {
        Actor teacher = new Actor("lk-" + school.substring(school.length() - 1), Role.TEACHER);
        SignalRecording recording = new SignalRecording(school, pupil.familyRef(), ago(7), "klaslokaal", "in de kring op maandagochtend",
                List.of(new Statement("Zit stil in de hoek en schrikt van harde geluiden.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null),
                        new Statement("Moeder van een klasgenoot zag de leerling huilend bij het hek.", StatementKind.FACT,
                                InformationOrigin.THIRD_PARTY, new InformationSource("moeder van een klasgenoot", true))),
                List.of("K.B."), category, Set.of(flags), List.of());
        return send(signalService, teacher, "/api/pupils/" + pupil.ref() + "/signals", recording).path("signalId").asText();
    }

    /** The case-service opens the case from the escalation it reads from Kafka. */
    private void awaitCase(String caseId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(caseService + "/api/cases/" + caseId))
                                .header("Authorization", tokens.authorization(AUDITOR)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot reach the case-service at " + caseService, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The case-service did not open case " + caseId + " from its escalation");
    }

    /** Schools pair up: the advisor of the partner school advises ("schaduw-AF"). */
    private static String partner(String school) {
        return school.equals("school-a") ? "school-b" : "school-a";
    }

    private Instant ago(int days) {
        return now.minus(Duration.ofDays(days));
    }

    /**
     * When a step of a demo case took place. The case-service opens a case at the moment it reads the escalation and
     * refuses any later step dated before that (or before the step it follows), so a demo case cannot be backdated:
     * its steps happen now, one after the other. Only the signals and incidents keep their earlier dates.
     */
    private static Instant justNow() {
        return Instant.now();
    }

    private JsonNode send(String service, Actor actor, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(service + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", tokens.authorization(actor.personId()))
                    .header("X-Meldspoor-Role", actor.role().name())
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Demo data refused at " + path + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One demo case, walked through the meldcode by its school's staff. */
    private final class Case {
        private final Actor ib;
        private final Actor principal;
        private String id;

        Case(String school) {
            String letter = school.substring(school.length() - 1);
            ib = new Actor("ib-" + letter, Role.CARE_COORDINATOR);
            principal = new Actor("dir-" + letter, Role.PRINCIPAL);
        }

        Case post(String step, Object body) {
            send(caseService, ib, "/api/cases/" + id + step, body);
            return this;
        }

        Case asPrincipal(String step, Object body) {
            send(caseService, principal, "/api/cases/" + id + step, body);
            return this;
        }

        Case consultColleague() {
            return post("/colleague-consultations", new ColleagueConsultation(justNow(), "lk-vorig", "leerkracht van vorig jaar",
                    "Het gedrag sinds de zomer.", SameSignals.YES, "Hoe het thuis gaat."));
        }

        Case askVeiligThuis() {
            return post("/veilig-thuis-consultations", new VeiligThuisConsultation(justNow(), true, "Hoe wegen wij deze signalen?",
                    "Zorgen zijn terecht; weeg ze met het afwegingskader en meld bij twijfel over de veiligheid.", null));
        }

        Case stepsTwoAndThree(boolean kindcheck) {
            return consultColleague().post("/parent-conversations", new ParentConversation(justNow(), List.of(ib.personId(), "lk-groep"),
                    List.of("moeder"), "Het teruggetrokken gedrag.", "Moeder maakt zich ook zorgen.", "Over twee weken opnieuw.",
                    new Kindcheck(kindcheck, kindcheck ? "Een zusje van 3 jaar, thuis." : null)));
        }

        Case weigh(AfwegingQuestion question, WeighingAnswer answer) {
            return post("/afwegingskader", new Weighing(question, answer, "Besproken in het ondersteuningsteam.",
                    answer == WeighingAnswer.YES && question == AfwegingQuestion.VEILIGHEID, false, false,
                    question == AfwegingQuestion.VERMOEDEN, false));
        }

        Case suspicion() {
            return weigh(AfwegingQuestion.VERMOEDEN, WeighingAnswer.YES);
        }

        Case unsafe() {
            return weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.YES);
        }

        Case ownHelpAgreed() {
            suspicion().weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.NO).weigh(AfwegingQuestion.HULP, WeighingAnswer.YES)
                    .weigh(AfwegingQuestion.HULP_AANVAARDEN, WeighingAnswer.YES);
            return asPrincipal("/report-decision", new ReportDecision(false, true, "Geen meldnorm; hulp via het wijkteam is aanvaard."));
        }

        Case startHelp(LocalDate term) {
            LocalDate start = term.minusDays(60);
            return post("/help", new HelpPlan(start, "Opvoedondersteuning door het wijkteam", "Rust thuis, kind weer open in de klas",
                    List.of(new HelpTask("wijkteam", "Wekelijks huisbezoek"), new HelpTask(ib.personId(), "Maandelijks gesprek met moeder")),
                    ib.personId(), term));
        }

        Case reportWithParentsInformed() {
            post("/report-decision", new ReportDecision(true, false, "Meldnorm 1: structurele onveiligheid."));
            asPrincipal("/report-decision/approval", new ReportDecisionApproval("Akkoord, melden namens de directie."));
            post("/report-decision/parents-informed", new ReportConversation(justNow(), List.of(ib.personId(), principal.personId()),
                    List.of("moeder", "vader"), "Ouders zijn boos maar begrijpen de zorg.", "Vader maakt bezwaar tegen de melding."));
            return post("/report", new VeiligThuisReport(justNow(), ib.personId(), "VT-2026-" + (1000 + pupils), false, "Structurele onveiligheid thuis."));
        }

        Case feedback() {
            return post("/veilig-thuis-feedback", new VeiligThuisFeedback(justNow(), VeiligThuisDecision.HANDOVER_TO_NEW_HELP,
                    "School blijft signaleren en sluit aan bij het overleg.", true, null));
        }

        Case close(Closure closure) {
            return post("/closure", closure);
        }
    }
}
