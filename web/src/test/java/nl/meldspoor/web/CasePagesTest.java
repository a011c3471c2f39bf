package nl.meldspoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The case workspace (screens 5–12) through the whole web stack, with the case-service and reporting-service faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class CasePagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeCaseWork cases;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        services.reset();
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        cases.reset();
    }

    private OidcLoginRequestPostProcessor signedIn(String personId) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(personId));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn("ib-a"))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions send(String slug, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/dossiers/case-1/" + slug).with(signedIn("ib-a")).with(csrf())
                .param("versie", "5").param("sleutel", "key-1");
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }

    @Test
    void theDossierShowsTheCaseHeaderAsTheServiceReportsItAndEachStepWithTheReportingServicesStatus() throws Exception {
        String dossier = page("/dossiers/case-1");

        assertThat(dossier).contains("Stap 4 van 5: Wegen", "Beantwoord afweging 2 (veiligheid) van het afwegingskader.",
                "Afwegingskader afronden – uiterlijk dinsdag 8 december 2026", "casemanager ib-a", "directeur dir-a");
        assertThat(dossier).contains("aria-current=\"page\">Dossier</a>", ">Afwegingskader</a>", ">Goedkeuring</a>", ">Tijdlijn</a>");
        assertThat(dossier).contains("1. Signalen in kaart brengen", "2. Collegiale consultatie", "3. Gesprek met kind en ouders", "4. Wegen",
                "5. Beslissen", "Afgerond", "Onvolledig: gesprek met het kind", "Bezig", "Nog niet");
        assertThat(dossier).contains("Feit:", "Blauwe plekken op beide bovenarmen", "meldspoor-interpretation", "Interpretatie:");
        assertThat(dossier).contains("Collegiale consultatie vastleggen", "Advies van Veilig Thuis vastleggen", "Gesprek met het kind vastleggen",
                "Niet met het kind praten", "Gesprek met de ouders vastleggen (met kindcheck)", "Niet met de ouders praten", "name=\"_csrf\"");
    }

    @Test
    void whileTheReadSideHasNotSeenTheCaseTheDossierSaysTheStepsAreBeingUpdated() throws Exception {
        cases.rapportage = null;
        assertThat(page("/dossiers/case-1")).contains("De stand per stap wordt nog bijgewerkt").contains("Stap 4 van 5");
    }

    @Test
    void aConsultationIsSentAsTheCaseServicesCommandWithTheVersionSeenAndAnIdempotencyKey() throws Exception {
        send("collegiale-consultatie", "consultedAt", "2026-12-01T10:15", "colleagueId", "lk-gijs", "colleagueCapacity", "leerkracht broertje",
                "discussed", "De signalen", "sameSignalsSeen", "YES")
                .andExpect(redirectedUrl("/dossiers/case-1"));

        FakeCaseWork.Sent sent = cases.sent.get(0);
        assertThat(sent.path()).isEqualTo("colleague-consultations");
        assertThat(sent.expectedVersion()).isEqualTo(5L);
        assertThat(sent.idempotencyKey()).isEqualTo("key-1");
        assertThat(sent.body()).containsEntry("consultedAt", "2026-12-01T09:15:00Z").containsEntry("colleagueId", "lk-gijs")
                .containsEntry("sameSignalsSeen", "YES").containsEntry("missingInformation", null);
    }

    @Test
    void aParentConversationCarriesTheKindcheckAndThePeopleAsLists() throws Exception {
        send("gesprek-ouders", "heldAt", "2026-12-01T11:00", "staffPresent", "ib-a, lk-a", "parentsPresent", "moeder", "concernsShared", "Zorgen",
                "parentsReaction", "Herkent het niet", "kindcheck.performed", "true", "kindcheck.outcome", "Broertje van 4")
                .andExpect(status().isFound());

        Map<String, Object> body = cases.sent.get(0).body();
        assertThat(body).containsEntry("staffPresent", List.of("ib-a", "lk-a")).containsEntry("parentsPresent", List.of("moeder"))
                .containsEntry("kindcheck", Map.of("performed", true, "outcome", "Broertje van 4"));
    }

    @Test
    void aRefusedFormComesBackFilledWithTheServicesReasonNextToItsField() throws Exception {
        cases.refusal = new ServiceRefusal(422, "URGENT_PATH_VEILIG_THUIS_FIRST", "Eerst Veilig Thuis",
                List.of(new ServiceRefusal.FieldError("kindcheck.outcome", "Beschrijf de uitkomst van de kindcheck.")));

        String page = send("gesprek-ouders", "heldAt", "2026-12-01T11:00", "staffPresent", "ib-a", "parentsPresent", "moeder",
                "concernsShared", "Mijn zorgen over de blauwe plekken", "parentsReaction", "Boos", "kindcheck.performed", "true")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fout: Dossier – Meldspoor</title>", "Beschrijf de uitkomst van de kindcheck.",
                "href=\"#gesprek-ouders-kindcheck.outcome\">Uitkomst van de kindcheck: Beschrijf de uitkomst van de kindcheck.</a>",
                "id=\"gesprek-ouders--kindcheck.outcome\"", "id=\"gesprek-ouders-kindcheck.outcome\"",
                "Mijn zorgen over de blauwe plekken", "value=\"key-1\"", "<details class=\"govuk-details\" open=\"open\"");
        assertThat(cases.sent).isEmpty();
    }

    @Test
    void aVersionConflictKeepsTheInputAndSaysWhatChangedSinceTheVersionSeen() throws Exception {
        cases.refusal = new ServiceRefusal(409, "VERSION_CONFLICT", "Het dossier is gewijzigd", List.of());

        String page = mvc.perform(post("/dossiers/case-1/toestemming").with(signedIn("ib-a")).with(csrf()).param("versie", "3")
                        .param("sleutel", "key-2").param("answeredAt", "2026-12-01T11:00").param("answer", "GIVEN").param("answeredBy", "moeder")
                        .param("scope", "Bespreken met de jeugdarts"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Iemand anders heeft het dossier intussen gewijzigd", "Gewijzigd: Afweging 1 (vermoeden): ja (ib-a)")
                .doesNotContain("Gewijzigd: Dossier geopend").contains("Bespreken met de jeugdarts", "name=\"versie\" value=\"5\"");
    }

    @Test
    void aCommandWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(post("/dossiers/case-1/collegiale-consultatie").with(signedIn("ib-a")).param("colleagueId", "lk-gijs"))
                .andExpect(status().isForbidden());
        assertThat(cases.sent).isEmpty();
    }

    @Test
    void anUnknownCaseLooksLikeAPageThatDoesNotExist() throws Exception {
        String page = mvc.perform(get("/dossiers/case-x").with(signedIn("ib-a"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.");
    }

    @Test
    void theAfwegingskaderOpensOnlyTheNextQuestionWithTwijfelCountingAsYes() throws Exception {
        String page = page("/dossiers/case-1/afwegingskader");

        assertThat(page).contains("Afweging 1: is er", "Beantwoord", "Afweging 2: is er sprake van acute en/of structurele onveiligheid?",
                "Twijfel telt als ja.", ">Twijfel<", "Acute onveiligheid", "Structurele onveiligheid", "name=\"question\" value=\"VEILIGHEID\"");
        assertThat(page.split("Nog niet aan de beurt", -1)).hasSize(4);
        assertThat(page).doesNotContain("De directeur is op de hoogte van het vermoeden");
    }

    @Test
    void anAnswerIsSentForTheQuestionShownAndTheServicesMeldnormIsShownAfterwards() throws Exception {
        send("afweging", "question", "VEILIGHEID", "answer", "DOUBT", "rationale", "Herhaling niet uit te sluiten", "acuteUnsafety", "true",
                "bevestigd", "ja")
                .andExpect(redirectedUrl("/dossiers/case-1/afwegingskader"));
        assertThat(cases.sent.get(0).path()).isEqualTo("afwegingskader");
        assertThat(cases.sent.get(0).body()).containsEntry("question", "VEILIGHEID").containsEntry("answer", "DOUBT")
                .containsEntry("acuteUnsafety", true).containsEntry("structuralUnsafety", false).containsEntry("violenceWithSeriousInjury", false);

        cases.state("afwegingskader", FakeCaseWork.json("""
                {"round":1,"answers":{"VERMOEDEN":"YES","VEILIGHEID":"DOUBT"},"nextQuestion":"HULP","openQuestions":["HULP"],
                 "reportRequired":true,"meldnorm":"ACUTE_OR_STRUCTURAL_UNSAFETY","togetherWithVeiligThuis":true}"""));
        assertThat(page("/dossiers/case-1/afwegingskader")).contains("Twijfel (telt als ja)",
                "Melden is noodzakelijk: acute en/of structurele onveiligheid. Afweging 3–5 doe je samen met Veilig Thuis.",
                "Afweging 1 (vermoeden): ja", "Signalen en gesprek bevestigen de zorg", "name=\"question\" value=\"HULP\"");
    }

    @Test
    void theFirstQuestionAsksWhetherThePrincipalIsInformedAndItsRefusalLandsThere() throws Exception {
        cases.state("afwegingskader", FakeCaseWork.json("""
                {"round":0,"answers":{},"nextQuestion":"VERMOEDEN","openQuestions":[],"reportRequired":false,"meldnorm":null,"togetherWithVeiligThuis":false}"""));
        cases.refusal = new ServiceRefusal(422, "PRINCIPAL_NOT_INFORMED", "De directeur moet op de hoogte zijn",
                List.of(new ServiceRefusal.FieldError("principalInformed", "Breng eerst de directeur op de hoogte van het vermoeden.")));

        String page = send("afweging", "question", "VERMOEDEN", "answer", "YES", "rationale", "Zorgen bevestigd", "bevestigd", "ja")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("De directeur is op de hoogte van het vermoeden", "Breng eerst de directeur op de hoogte van het vermoeden.",
                "id=\"afweging--principalInformed\"", "Zorgen bevestigd");
    }

    @Test
    void theDecisionPageShowsTheMeldnormAboveTheTwoDecisionsAndSendsThemForApproval() throws Exception {
        cases.state("afwegingskader", FakeCaseWork.json("""
                {"round":1,"answers":{"VERMOEDEN":"YES","VEILIGHEID":"YES"},"nextQuestion":"HULP","openQuestions":["HULP"],
                 "reportRequired":true,"meldnorm":"ACUTE_OR_STRUCTURAL_UNSAFETY","togetherWithVeiligThuis":true}"""));
        String page = page("/dossiers/case-1/besluit");
        assertThat(page.indexOf("Melden is noodzakelijk")).isLessThan(page.indexOf("Besluit 1: is melden noodzakelijk?"));
        assertThat(page).contains("Besluit 2: is hulp bieden of organiseren (ook) mogelijk?", "Besluit voorleggen");

        send("besluit", "reportNecessary", "true", "schoolCanOfferHelp", "false", "rationale", "Meldnorm 1", "bevestigd", "ja").andExpect(redirectedUrl("/dossiers/case-1/besluit"));
        assertThat(cases.sent.get(0).path()).isEqualTo("report-decision");
        assertThat(cases.sent.get(0).body()).containsEntry("reportNecessary", true).containsEntry("schoolCanOfferHelp", false);
    }

    @Test
    void thePrincipalSeesEverythingTheDecisionRestsOnAndApprovesOrSendsItBack() throws Exception {
        services.me = new SignedIn("dir-a", List.of(new StaffRole("PRINCIPAL", "school-a", null)));
        cases.state("reportDecision", FakeCaseWork.json("""
                {"decision":{"reportNecessary":true,"schoolCanOfferHelp":false,"rationale":"Meldnorm 1"},"applicableMeldnorm":"ACUTE_OR_STRUCTURAL_UNSAFETY",
                 "approvedByPrincipal":false,"parentsInformedOrSkipped":false,"decidedAt":"2026-12-01T10:30:00Z"}"""));

        String page = mvc.perform(get("/dossiers/case-1/goedkeuring").with(signedIn("dir-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Blauwe plekken op beide bovenarmen", "Collegiale consultatie met lk-gijs", "Afweging 1: is er",
                "Afweging 1 (vermoeden): ja", "ib-a, IB&#39;er, 1 december 2026, 11:00", "De melding wordt gedaan namens de directie.",
                "Besluit goedkeuren", "Terugsturen");

        mvc.perform(post("/dossiers/case-1/goedkeuren").with(signedIn("dir-a")).with(csrf()).param("versie", "6").param("sleutel", "k")
                .param("remarks", "Akkoord").param("bevestigd", "ja")).andExpect(redirectedUrl("/dossiers/case-1/goedkeuring"));
        mvc.perform(post("/dossiers/case-1/terugsturen").with(signedIn("dir-a")).with(csrf()).param("versie", "6").param("sleutel", "k2")
                .param("reason", "Eerst het kind spreken").param("bevestigd", "ja")).andExpect(status().isFound());
        assertThat(cases.sent).extracting(FakeCaseWork.Sent::path).containsExactly("report-decision/approval", "report-decision/send-back");
        assertThat(cases.sent.get(1).body()).containsEntry("reason", "Eerst het kind spreken");

        // the IB'er sees the same summary, without the principal's buttons
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        assertThat(page("/dossiers/case-1/goedkeuring")).contains("Het besluit wacht op goedkeuring van de directeur.")
                .doesNotContain("form-goedkeuren", "form-terugsturen");
    }

    @Test
    void theReportPageShowsTheFiveWorkingDayFeedbackDeadline() throws Exception {
        cases.state("deadlines", List.of(Map.of("kind", "VEILIG_THUIS_FEEDBACK", "description", "Terugkoppeling Veilig Thuis", "due", "2026-12-08", "overdue", false)));
        cases.state("reports", List.of(FakeCaseWork.json("""
                {"reportedAt":"2026-12-01T12:00:00Z","veiligThuisReference":"VT-2026-0042","meldnorm":"ACUTE_OR_STRUCTURAL_UNSAFETY",
                 "onBehalfOfPrincipalId":"dir-a","reporterAnonymityRequested":true,"veiligThuisDecision":null}""")));
        assertThat(page("/dossiers/case-1/melding")).contains("Veilig Thuis beslist binnen 5 werkdagen: uiterlijk dinsdag 8 december 2026.",
                "VT-2026-0042", "Nog niet ontvangen", "Ouders ingelicht over de melding", "Ouders niet vooraf inlichten", "Melding bij Veilig Thuis vastleggen");

        send("melding", "reportedAt", "2026-12-01T13:00", "reportedBy", "ib-a", "veiligThuisReference", "VT-1", "reportedFacts", "Blauwe plekken")
                .andExpect(redirectedUrl("/dossiers/case-1/melding"));
        assertThat(cases.sent.get(0).body()).containsEntry("reporterAnonymityRequested", false).containsEntry("reportedAt", "2026-12-01T12:00:00Z");
    }

    @Test
    void aHelpPlanTakesOneTaskALineAndTheEvaluationIsAfweging5() throws Exception {
        assertThat(page("/dossiers/case-1/hulp")).contains("Hulp inzetten", "Afweging 5: de hulp evalueren");
        send("hulp", "startsOn", "2026-12-02", "help", "Opvoedondersteuning", "intendedResults", "Rust thuis",
                "tasks", "ib-a: wekelijks contact\nlk-a: signaleren", "casemanagerId", "ib-a", "term", "2027-02-01").andExpect(status().isFound());
        assertThat(cases.sent.get(0).body().get("tasks")).isEqualTo(List.of(Map.of("assignee", "ib-a", "task", "wekelijks contact"),
                Map.of("assignee", "lk-a", "task", "signaleren")));
    }

    @Test
    void closingStatesAnUnfoundedSuspicionExplicitlyAndAClosedCaseIsReadOnlyExceptReopening() throws Exception {
        assertThat(page("/dossiers/case-1/sluiten")).contains("Het vermoeden is ongegrond gebleken", "Dossier sluiten");
        send("sluiten", "outcome", "NO_SUSPICION", "conclusion", "Geen zorgen meer", "suspicionUnfounded", "true", "bevestigd", "ja").andExpect(status().isFound());
        assertThat(cases.sent.get(0).body()).containsEntry("outcome", "NO_SUSPICION").containsEntry("suspicionUnfounded", true);

        cases.state("status", "CLOSED");
        cases.state("closure", Map.of("outcome", "NO_SUSPICION", "conclusion", "Geen zorgen meer", "suspicionUnfounded", true));
        String closed = page("/dossiers/case-1/sluiten");
        assertThat(closed).contains("Dit dossier is gesloten en alleen nog te lezen.", "Geen vermoeden (meer)", "Heropenen")
                .doesNotContain("form-sluiten");
        assertThat(page("/dossiers/case-1")).doesNotContain("Collegiale consultatie vastleggen");
        assertThat(page("/dossiers/case-1/afwegingskader")).doesNotContain("Antwoord vastleggen");
    }

    @Test
    void theTimelineAsKnownAtAnEarlierMomentHidesLaterFactsWithABanner() throws Exception {
        String all;
        cases.timeline.put("lookedAt", List.of(Map.of("personId", "dir-a", "role", "PRINCIPAL", "kind", "CASE_STATE", "what", "stand van het dossier",
                "why", "goedkeuring", "at", "2026-12-01T11:00:00Z")));
        all = page("/dossiers/case-1/tijdlijn");
        assertThat(all).contains("Wie keek", "dir-a (directeur)");
        assertThat(all).contains("Dossier geopend met 1 signaal", "Afweging 1 (vermoeden): ja", "Gebeurd op 1 december 2026, 10:00",
                "vastgelegd op 1 december 2026, 10:30").doesNotContain("Wat later is vastgelegd, is verborgen");

        String earlier = page("/dossiers/case-1/tijdlijn?datum=2026-12-01&tijd=10:45");
        assertThat(cases.asked).contains(Instant.parse("2026-12-01T09:45:00Z"));
        assertThat(earlier).contains("Je ziet het dossier zoals het bekend was op 1 december 2026, 10:45. Wat later is vastgelegd, is verborgen.",
                "Collegiale consultatie met lk-gijs").doesNotContain("Afweging 1 (vermoeden): ja</td>");
    }

    @Test
    void theTimelineShowsTheNewestReadsAndWieKeekPagesThroughAllOfThem() throws Exception {
        for (int read = 120; read > 0; read--) {
            cases.views.add(Map.of("personId", "lk-" + read, "role", "TEACHER", "kind", "CASE_STATE", "what", "stand van het dossier",
                    "why", "werken aan het dossier", "at", Instant.parse("2026-12-01T08:00:00Z").plusSeconds(60L * read).toString()));
        }
        cases.timeline.put("lookedAt", cases.views.subList(0, 50));
        cases.timeline.put("lookedAtTotal", 120);

        String timeline = page("/dossiers/case-1/tijdlijn");
        assertThat(timeline).contains("lk-120 (leerkracht)", "lk-71 (leerkracht)", "De nieuwste 50 van 120 inzagen.",
                "href=\"/dossiers/case-1/wie-keek\"").doesNotContain("lk-70 (");

        String second = page("/dossiers/case-1/wie-keek?pagina=1");
        assertThat(second).contains("120 inzagen", "lk-70 (leerkracht)", "lk-21 (leerkracht)", "Pagina 2 van 3",
                "href=\"/dossiers/case-1/wie-keek?pagina=0\"", "href=\"/dossiers/case-1/wie-keek?pagina=2\"")
                .doesNotContain("lk-71 (", "lk-20 (");
        assertThat(page("/dossiers/case-1/wie-keek?pagina=2")).contains("lk-1 (leerkracht)", "Pagina 3 van 3").doesNotContain("rel=\"next\"");
        assertThat(page("/dossiers/case-1/wie-keek?pagina=-4")).as("a page before the first is the first").contains("lk-120 (");

        // read 60 is at 09:00 (Amsterdam 10:00): as known then, the reads until then only, and the links keep the moment
        String asKnown = page("/dossiers/case-1/tijdlijn?datum=2026-12-01&tijd=10:00");
        assertThat(asKnown).contains("href=\"/dossiers/case-1/wie-keek?datum=2026-12-01&amp;tijd=10:00\"");
        String until = page("/dossiers/case-1/wie-keek?datum=2026-12-01&tijd=10:00");
        assertThat(until).contains("Je ziet de inzagen tot", "60 inzagen", "lk-60 (leerkracht)", "lk-11 (leerkracht)", "Pagina 1 van 2",
                        "href=\"/dossiers/case-1/wie-keek?datum=2026-12-01&amp;tijd=10:00&amp;pagina=1\"", "Toon alle inzagen",
                        "href=\"/dossiers/case-1/tijdlijn?datum=2026-12-01&amp;tijd=10:00\"")
                .doesNotContain("lk-61 (", "lk-120 (", "lk-10 (");
        assertThat(page("/dossiers/case-1/wie-keek?datum=2026-12-01&tijd=10:00&pagina=1")).contains("lk-10 (leerkracht)", "lk-1 (leerkracht)")
                .doesNotContain("lk-11 (");
        mvc.perform(get("/dossiers/case-1/wie-keek?datum=gisteren").with(signedIn("ib-a"))).andExpect(status().isBadRequest());

        cases.timeline.put("lookedAt", cases.views.subList(0, 2));
        cases.timeline.put("lookedAtTotal", 2);
        assertThat(page("/dossiers/case-1/tijdlijn")).as("all reads shown: no link to more").doesNotContain("Alle inzagen bekijken");
        mvc.perform(get("/dossiers/case-2/wie-keek").with(signedIn("ib-a"))).andExpect(status().isNotFound());
    }

    @Test
    void anUnreadableMomentIsRefusedNextToThePicker() throws Exception {
        String page = mvc.perform(get("/dossiers/case-1/tijdlijn?datum=gisteren").with(signedIn("ib-a"))).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Fout: Tijdlijn", "href=\"#datum\">Zoals bekend op: Vul een datum en tijd in", "id=\"tijdlijn--datum\"",
                "value=\"gisteren\"");
    }

    @Test
    void vandaagLeadsTheCareCoordinatorToTheSchoolsCasesAndThePrincipalToTheApprovals() throws Exception {
        cases.schoolCases.add(FakeCaseWork.json("""
                {"caseId":"case-1","pupilRef":"pupil-7f3a","status":"OPEN","currentStep":5,"openedAt":"2026-12-01T08:00:00Z","lastActivityAt":"2026-12-01T10:30:00Z",
                 "openDeadlines":[{"kind":"PRINCIPAL_APPROVAL","description":"Goedkeuring directeur","due":"2026-12-03"}]}"""));
        cases.schoolCases.add(FakeCaseWork.json("""
                {"caseId":"case-2","pupilRef":"pupil-9b1c","status":"OPEN","currentStep":2,"openedAt":"2026-11-01T08:00:00Z","lastActivityAt":"2026-11-02T10:30:00Z",
                 "openDeadlines":[]}"""));

        assertThat(page("/")).contains("href=\"/dossiers\"").doesNotContain("/dossiers/goedkeuringen");
        assertThat(page("/dossiers")).contains("pupil-7f3a", "pupil-9b1c", "Stap 2 van 5", "href=\"/dossiers/case-2\"");

        services.me = new SignedIn("dir-a", List.of(new StaffRole("PRINCIPAL", "school-a", null)));
        String approvals = mvc.perform(get("/dossiers/goedkeuringen").with(signedIn("dir-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(approvals).contains("href=\"/dossiers/case-1/goedkeuring\"").doesNotContain("pupil-9b1c");
        assertThat(mvc.perform(get("/").with(signedIn("dir-a"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/dossiers/goedkeuringen\"");
    }
}
