package nl.meldspoor.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
import nl.meldspoor.api.incident.ProtocolTrack;
import nl.meldspoor.api.incident.Severity;
import nl.meldspoor.api.incident.UnsafeBehaviourAction;
import nl.meldspoor.api.incident.UnsafeBehaviourActionDetails;
import nl.meldspoor.api.meldcase.AfwegingQuestion;
import nl.meldspoor.api.meldcase.AttachedSignal;
import nl.meldspoor.api.meldcase.CaseOpening;
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
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.InformationSource;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.SignalFlag;
import nl.meldspoor.api.signal.SignalRecording;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;

/**
 * A generated board: schools ten to a cluster and, per school and school year, pupils with signals of every category,
 * meldcode cases in every step (closed ones with each outcome, colleague consultations, afwegingen, reports, help) and
 * incidents of each type with their protocol steps. Deterministic: each school-year draws from its own seeded random.
 * Loaded through the services' public HTTP APIs by parallel clients, each script (a case, an incident, a pupil) in order.
 */
final class Board {

    static final String BOARD_ID = "bestuur-voorbeeld";
    /** The local issuer knows only the demo staff: they hold their roles at every generated school. */
    static final Actor IB = new Actor("ib-a", Role.CARE_COORDINATOR);
    static final Actor PRINCIPAL = new Actor("dir-a", Role.PRINCIPAL);
    static final Actor TEACHER = new Actor("lk-a", Role.TEACHER);
    static final Actor BOARD_OFFICER = new Actor("bo-bestuur", Role.BOARD_OFFICER);
    static final String ADVISOR = "af-a";

    private final BenchSettings settings;
    private final String caseService;
    private final String signalService;
    private final Http http;
    private final AtomicLong commands = new AtomicLong();
    private final Instant now = Instant.now();

    Board(BenchSettings settings, String caseService, String signalService, Http http) {
        this.settings = settings;
        this.caseService = caseService;
        this.signalService = signalService;
        this.http = http;
    }

    static List<String> schools(int count) {
        List<String> schools = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            schools.add("bs-%03d".formatted(i));
        }
        return schools;
    }

    static String clusterOf(int schoolIndex) {
        return "bc-%02d".formatted(schoolIndex / 10 + 1);
    }

    /** The reporting-service's organisation for this board, as command-line arguments (they replace application.yml's). */
    static List<String> organisationArguments(int count) {
        List<String> arguments = new ArrayList<>(List.of("--meldspoor.organisation.board.id=" + BOARD_ID,
                "--meldspoor.organisation.board.name=Stichting Benchmark"));
        List<String> schools = schools(count);
        for (int i = 0; i < schools.size(); i++) {
            int cluster = i / 10;
            String prefix = "--meldspoor.organisation.clusters[" + cluster + "]";
            if (i % 10 == 0) {
                arguments.add(prefix + ".id=" + clusterOf(i));
                arguments.add(prefix + ".name=Cluster " + (cluster + 1));
            }
            arguments.add(prefix + ".schools[" + (i % 10) + "].id=" + schools.get(i));
            arguments.add(prefix + ".schools[" + (i % 10) + "].name=School " + (i + 1));
        }
        return arguments;
    }

    /** The roles every generated school needs, as (person, role, scope). */
    static List<Map<String, String>> grants(int count) {
        List<Map<String, String>> grants = new ArrayList<>();
        for (String school : schools(count)) {
            grants.add(Map.of("person", IB.personId(), "role", Role.CARE_COORDINATOR.name(), "scope", school));
            grants.add(Map.of("person", PRINCIPAL.personId(), "role", Role.PRINCIPAL.name(), "scope", school));
            grants.add(Map.of("person", TEACHER.personId(), "role", Role.TEACHER.name(), "scope", school));
            grants.add(Map.of("person", ADVISOR, "role", Role.ADVISOR.name(), "scope", school));
        }
        return grants;
    }

    long commands() {
        return commands.get();
    }

    /** Loads the whole board with the configured number of parallel clients; returns the commands sent. */
    long load() throws Exception {
        List<Runnable> scripts = new ArrayList<>();
        List<String> schools = schools(settings.schools());
        for (int s = 0; s < schools.size(); s++) {
            for (int year = 0; year < settings.years(); year++) {
                scripts.addAll(schoolYear(schools.get(s), schools.get((s + 1) % schools.size()), year,
                        new Random(settings.seed() * 1_000_003L + s * 101L + year)));
            }
        }
        // interleave schools so that parallel clients work on different aggregates, as a board's staff do
        java.util.Collections.shuffle(scripts, new Random(settings.seed()));
        ExecutorService clients = Executors.newFixedThreadPool(settings.loadClients());
        try {
            List<Future<?>> done = new ArrayList<>();
            scripts.forEach(script -> done.add(clients.submit(() -> ClientThreads.counted(script))));
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return commands.get();
    }

    private List<Runnable> schoolYear(String school, String partner, int year, Random random) {
        List<Runnable> scripts = new ArrayList<>();
        // a school year ends now for the last year and a year earlier for each before it
        Instant yearStart = now.minus(Duration.ofDays(365L * (settings.years() - year)));
        SignalCategory[] categories = SignalCategory.values();
        for (int i = 0; i < settings.signalsPerSchoolYear(); i += 2) {
            SignalCategory first = categories[(i + year) % categories.length];
            SignalCategory second = categories[(i + year + 1) % categories.length];
            Instant observed = yearStart.plus(Duration.ofDays(1 + random.nextInt(360)));
            int pupil = random.nextInt(1_000_000);
            scripts.add(() -> {
                String pupilRef = registerPupil(school, pupil);
                recordSignal(school, pupilRef, first, observed);
                recordSignal(school, pupilRef, second, observed.plus(Duration.ofHours(20)));
            });
        }
        IncidentType[] types = IncidentType.values();
        for (int i = 0; i < settings.incidentsPerSchoolYear(); i++) {
            IncidentType type = types[(i + year * 7 + random.nextInt(types.length)) % types.length];
            Instant occurred = yearStart.plus(Duration.ofDays(1 + random.nextInt(330)));
            boolean close = random.nextBoolean();
            scripts.add(() -> incident(school, type, occurred, close));
        }
        for (int i = 0; i < settings.casesPerSchoolYear(); i++) {
            int pattern = random.nextInt(CASE_PATTERNS);
            SignalCategory category = categories[random.nextInt(categories.length)];
            scripts.add(() -> meldcodeCase(school, partner, pattern, category));
        }
        return scripts;
    }

    private String registerPupil(String school, int pupil) {
        Map<String, Object> identity = Map.of("givenName", "Kind" + pupil, "familyName", "Bench",
                "birthDate", LocalDate.of(2015 + pupil % 6, 1 + pupil % 12, 1 + pupil % 28).toString(),
                "group", 1 + pupil % 8, "familyRef", "gezin-" + school + "-" + pupil);
        return send(signalService, IB, "/api/schools/" + school + "/pupils", identity).path("pupilRef").asText();
    }

    private void recordSignal(String school, String pupilRef, SignalCategory category, Instant observed) {
        SignalRecording recording = new SignalRecording(school, null, observed, "klaslokaal", "in de kring op maandagochtend",
                List.of(new Statement("Zit stil in de hoek en schrikt van harde geluiden.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null),
                        new Statement("Moeder van een klasgenoot zag de leerling huilend bij het hek.", StatementKind.FACT,
                                InformationOrigin.THIRD_PARTY, new InformationSource("moeder van een klasgenoot", true))),
                List.of("K.B."), category, Set.of(), List.of());
        send(signalService, TEACHER, "/api/pupils/" + pupilRef + "/signals", recording);
    }

    /** Incidents with their protocol: actions on unsafe behaviour, the bullying steps, the meldplicht for offences by staff. */
    private void incident(String school, IncidentType type, Instant occurred, boolean close) {
        boolean byStaff = type == IncidentType.SEXUAL_OFFENCE_BY_STAFF;
        Actor recorder = byStaff ? PRINCIPAL : TEACHER;
        Severity severity = type == IncidentType.SERIOUS_BULLYING || byStaff ? Severity.SERIOUS : Severity.MINOR;
        IncidentReport report = new IncidentReport(school, occurred, occurred.plus(Duration.ofMinutes(10)), "speelplaats", type, severity,
                List.of(new InvolvedParty(PartyRole.PUPIL_VICTIM, "lln-" + school + "-" + occurred.getEpochSecond()),
                        new InvolvedParty(byStaff ? PartyRole.STAFF_PERPETRATOR : PartyRole.PUPIL_PERPETRATOR, "p-" + occurred.getEpochSecond())),
                "Tijdens de pauze.", "Betrokkenen apart gezet en gesproken.",
                new ParentsInformed(ParentContactMethod.PHONE_SAME_DAY, occurred.plus(Duration.ofHours(4)), null), false, null, null);
        String id = send(signalService, recorder, "/api/incidents", report).path("id").asText();
        String incident = "/api/incidents/" + id;
        if (byStaff) {
            send(signalService, PRINCIPAL, incident + "/meldplicht-steps", new MeldplichtStepDetails(MeldplichtStep.BOARD_INFORMED,
                    occurred.plus(Duration.ofMinutes(75)), List.of(), null, null, null, null, null));
            send(signalService, BOARD_OFFICER, incident + "/meldplicht-steps", new MeldplichtStepDetails(MeldplichtStep.INSPECTOR_CONSULTED,
                    occurred.plus(Duration.ofDays(1)), List.of(), null, true, null, null, null));
            return;
        }
        // Each step belongs to the incident's own protocol track; the signal-service refuses another track's step.
        if (ProtocolTrack.of(report) == ProtocolTrack.BULLYING) {
            for (BullyingStep step : List.of(BullyingStep.TALK_WITH_BULLIED_PUPIL, BullyingStep.TALK_WITH_BULLY, BullyingStep.SUPPORT_FOR_BOTH)) {
                send(signalService, TEACHER, incident + "/bullying-steps", new BullyingStepDetails(step,
                        occurred.plus(Duration.ofDays(1 + step.ordinal() * 3L)), List.of("ouders", "directie", "gedragscoördinator"), null));
            }
            return;
        }
        send(signalService, TEACHER, incident + "/unsafe-behaviour-actions", new UnsafeBehaviourActionDetails(
                UnsafeBehaviourAction.TEACHER_AND_PUPILS_SOLVE_TOGETHER, occurred.plus(Duration.ofDays(1)), List.of("ouders", "directie"),
                "Goed gesprek in de klas."));
        if (close) {
            send(signalService, TEACHER, incident + "/closure", new IncidentClosure("Opgelost; afspraken in de klas gemaakt."));
        }
    }

    static final int CASE_PATTERNS = 10;

    /** The demo board's mix: every step reached, every outcome among the closed cases. */
    private void meldcodeCase(String school, String partner, int pattern, SignalCategory category) {
        Set<SignalFlag> flags = pattern == 6 ? Set.of(SignalFlag.DISCLOSURE) : Set.of();
        Case c = new Case(openCase(http, caseService, school, partner, "lln-" + school + "-" + java.util.UUID.randomUUID(), category, flags));
        commands.incrementAndGet();
        switch (pattern) {
            case 0 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe().reportWithParentsInformed().feedback()
                    .close(new Closure(CaseOutcome.REPORTED_AND_HANDED_OVER, "Gemeld en overgedragen aan het wijkteam.", false, null));
            case 1 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().weigh(AfwegingQuestion.VEILIGHEID, WeighingAnswer.DOUBT);
            case 2 -> c.stepsTwoAndThree(true).weigh(AfwegingQuestion.VERMOEDEN, WeighingAnswer.NO)
                    .close(new Closure(CaseOutcome.NO_SUSPICION, "Het vermoeden is ongegrond gebleken.", true, null));
            case 3 -> c.stepsTwoAndThree(true).ownHelpAgreed().startHelp(LocalDate.now(ZoneOffset.UTC).plusDays(30));
            case 4 -> c.consultColleague();
            case 5 -> c.stepsTwoAndThree(true).askVeiligThuis().suspicion().unsafe().reportWithParentsInformed();
            case 6 -> c.disclosure();
            case 7 -> c.stepsTwoAndThree(true).ownHelpAgreed().startHelp(LocalDate.now(ZoneOffset.UTC).minusDays(1))
                    .post("/help/evaluation", new HelpEvaluation(LocalDate.now(ZoneOffset.UTC), true, "Geen nieuwe signalen.", "Maandelijks contact."))
                    .close(new Closure(CaseOutcome.HELP_COMPLETED, "Hulp afgerond met afspraken over nazorg.", false, "Maandelijks contact."));
            case 8 -> c.stepsTwoAndThree(false);
            default -> { } // opened only: step 1
        }
    }

    /** Opens a case at the case-service with one attached signal; returns its id. */
    static String openCase(Http http, String caseService, String school, String partner, String pupilRef, SignalCategory category,
                           Set<SignalFlag> flags) {
        SignalContent content = new SignalContent(Instant.now().minusSeconds(3600), "gymzaal", "omkleden",
                List.of(new Statement("Blauwe plekken op de armen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                List.of(), category, flags, List.of(), TEACHER);
        CaseOpening opening = new CaseOpening(school, pupilRef, null, new CaseTeam(IB.personId(), ADVISOR, partner, PRINCIPAL.personId()),
                "Zorgen.", List.of(new AttachedSignal("sig-" + pupilRef, content)));
        return http.post(IB, caseService + "/api/cases", opening).path("id").asText();
    }

    static ColleagueConsultation consultation() {
        return new ColleagueConsultation(Instant.now(), "lk-vorig", "leerkracht van vorig jaar", "Het gedrag sinds de zomer.", SameSignals.YES,
                "Hoe het thuis gaat.");
    }

    private com.fasterxml.jackson.databind.JsonNode send(String service, Actor actor, String path, Object body) {
        commands.incrementAndGet();
        return http.post(actor, service + path, body);
    }

    private final class Case {
        private final String id;

        Case(String id) {
            this.id = id;
        }

        Case post(String step, Object body) {
            send(caseService, IB, "/api/cases/" + id + step, body);
            return this;
        }

        Case asPrincipal(String step, Object body) {
            send(caseService, PRINCIPAL, "/api/cases/" + id + step, body);
            return this;
        }

        Case consultColleague() {
            return post("/colleague-consultations", consultation());
        }

        Case askVeiligThuis() {
            return post("/veilig-thuis-consultations", new VeiligThuisConsultation(Instant.now(), true, "Hoe wegen wij deze signalen?",
                    "Weeg ze met het afwegingskader en meld bij twijfel over de veiligheid.", null));
        }

        Case stepsTwoAndThree(boolean kindcheck) {
            return consultColleague().post("/parent-conversations", new ParentConversation(Instant.now(), List.of(IB.personId(), "lk-groep"),
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
            return post("/help", new HelpPlan(term.minusDays(60), "Opvoedondersteuning door het wijkteam", "Rust thuis",
                    List.of(new HelpTask("wijkteam", "Wekelijks huisbezoek"), new HelpTask(IB.personId(), "Maandelijks gesprek met moeder")),
                    IB.personId(), term));
        }

        Case reportWithParentsInformed() {
            post("/report-decision", new ReportDecision(true, false, "Meldnorm 1: structurele onveiligheid."));
            asPrincipal("/report-decision/approval", new ReportDecisionApproval("Akkoord, melden namens de directie."));
            post("/report-decision/parents-informed", new ReportConversation(Instant.now(), List.of(IB.personId(), PRINCIPAL.personId()),
                    List.of("moeder", "vader"), "Ouders begrijpen de zorg.", "Vader maakt bezwaar tegen de melding."));
            return post("/report", new VeiligThuisReport(Instant.now(), IB.personId(), "VT-2026-" + Math.abs(id.hashCode() % 10000), false,
                    "Structurele onveiligheid thuis."));
        }

        Case close(Closure closure) {
            return post("/closure", closure);
        }

        Case feedback() {
            return post("/veilig-thuis-feedback", new VeiligThuisFeedback(Instant.now(), VeiligThuisDecision.HANDOVER_TO_NEW_HELP,
                    "School blijft signaleren.", true, null));
        }

        Case disclosure() {
            post("/veilig-thuis-consultations", new VeiligThuisConsultation(Instant.now(), false, "Kind vertelt over slaan thuis; wat nu?",
                    "Niet eerst met ouders spreken; direct melden.", "VT-ADV-7731"))
                    .post("/parent-conversations/skipped", new ParentContactSkip(ParentContactSkipReason.DISCLOSURE,
                            "Het kind vertelde over geweld thuis; op advies van Veilig Thuis niet eerst met de ouders gesproken."))
                    .suspicion().unsafe();
            asPrincipal("/report-decision", new ReportDecision(true, false, "Onthulling: acute onveiligheid, direct melden."));
            post("/report-decision/parents-not-informed", new ParentContactSkip(ParentContactSkipReason.SAFETY_OF_CHILD,
                    "Veilig Thuis adviseert de ouders niet vooraf in te lichten."));
            return post("/report", new VeiligThuisReport(Instant.now(), IB.personId(), "VT-2026-1187", true, "Onthulling door het kind."));
        }
    }
}
