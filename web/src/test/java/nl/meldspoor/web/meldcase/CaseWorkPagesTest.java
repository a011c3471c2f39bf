package nl.meldspoor.web.meldcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.FakeCaseWork;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
import nl.meldspoor.web.services.Pupil;
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
import org.springframework.web.util.HtmlUtils;

/**
 * The case pages' second round (issue 12, screens 4–11): the pupil's name, refusals that name their field, real
 * breadcrumbs, choosing colleagues by name and role, and "Controleer en bevestig" before a high-stakes command.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class CaseWorkPagesTest {

    private static final String NAME = "Sanne de Vries (groep 4)";

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
        cases.reset();
        actAs("ib-a", "CARE_COORDINATOR", "school-a");
        services.pupils.add(new Pupil("pupil-7f3a", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "family-12", false));
    }

    private String person = "ib-a";

    private void actAs(String personId, String role, String school) {
        person = personId;
        services.me = new SignedIn(personId, List.of(new StaffRole(role, school, null)));
    }

    private OidcLoginRequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private ResultActions send(String slug, Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/dossiers/case-1/" + slug).with(signedIn()).with(csrf())
                .param("versie", "5").param("sleutel", "key-1");
        fields.forEach(request::param);
        return mvc.perform(request);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    /** The breadcrumb's steps as text, in order. */
    private static List<String> breadcrumb(String page) {
        int start = page.indexOf("aria-label=\"Kruimelpad\"");
        String nav = page.substring(start, page.indexOf("</nav>", start));
        List<String> steps = new ArrayList<>();
        for (String item : nav.split("<li")) {
            String text = HtmlUtils.htmlUnescape(item.replaceAll("<[^>]*>", "").replaceAll("^[^>]*>", "")).strip();
            if (!text.isEmpty() && !text.startsWith("aria-label")) {
                steps.add(text);
            }
        }
        return steps;
    }

    // 1. the pupil's name

    @Test
    void theCaseHeaderNamesThePupilAsTheRegistryGivesItToStaffOfTheSchool() throws Exception {
        String dossier = page("/dossiers/case-1");
        assertThat(dossier).contains("Dossier meldcode · " + NAME + " · school-a").doesNotContain("leerling pupil-7f3a");
        assertThat(page("/dossiers/case-1/besluit")).contains(NAME);
    }

    @Test
    void anAdvisorOfAPairedSchoolSeesTheReferenceNotTheNameNoNamesAboveTheirSchool() throws Exception {
        actAs("af-b", "ADVISOR", "school-b");
        assertThat(page("/dossiers/case-1")).contains("Dossier meldcode · leerling pupil-7f3a · school-a").doesNotContain("Sanne");
    }

    @Test
    void whenTheRegistryDoesNotNameThePupilTheReferenceStays() throws Exception {
        services.pupils.clear();
        assertThat(page("/dossiers/case-1")).contains("leerling pupil-7f3a");
    }

    @Test
    void theSchoolsCasesAndTheApprovalsListThePupilsByName() throws Exception {
        cases.schoolCases.add(FakeCaseWork.json("""
                {"caseId":"case-1","schoolId":"school-a","pupilRef":"pupil-7f3a","status":"OPEN","currentStep":5,"openedAt":"2026-12-01T08:00:00Z",
                 "lastActivityAt":"2026-12-01T10:30:00Z","openDeadlines":[{"kind":"PRINCIPAL_APPROVAL","description":"Goedkeuring directeur","due":"2026-12-03"}]}"""));
        cases.schoolCases.add(FakeCaseWork.json("""
                {"caseId":"case-2","schoolId":"school-a","pupilRef":"pupil-9b1c","status":"OPEN","currentStep":2,"openedAt":"2026-11-01T08:00:00Z",
                 "lastActivityAt":"2026-11-02T10:30:00Z","openDeadlines":[]}"""));
        assertThat(page("/dossiers")).contains(">" + NAME + "</a>", ">pupil-9b1c</a>");
        actAs("dir-a", "PRINCIPAL", "school-a");
        assertThat(page("/dossiers/goedkeuringen")).contains(">" + NAME + "</a>");
    }

    // 2. a refusal names its field

    /** Every command of every case page, refused on its first field: the summary names the field and links to its input. */
    @Test
    void everyCaseFormsRefusalNamesItsFieldInTheSummaryAndLinksToTheInput() throws Exception {
        List<CaseCommand> all = new ArrayList<>();
        for (String page : List.of("dossier", "besluit", "goedkeuring", "melding", "hulp", "sluiten")) {
            all.addAll(CaseCommands.onPage(page));
        }
        for (String question : List.of("VERMOEDEN", "VEILIGHEID", "HULP", "HULP_AANVAARDEN")) {
            all.add(CaseCommands.weighing(question));
        }
        for (CaseCommand command : all) {
            cases.reset();
            actAs("ib-a", "CARE_COORDINATOR", "school-a");
            Map<String, String> typed = fields("bevestigd", "ja");
            switch (command.slug()) {
                case "heropenen" -> cases.state("status", "CLOSED");
                case "goedkeuren", "terugsturen" -> {
                    actAs("dir-a", "PRINCIPAL", "school-a");
                    cases.state("reportDecision", FakeCaseWork.json("""
                            {"decision":{"reportNecessary":true,"schoolCanOfferHelp":false,"rationale":"Meldnorm 1"},"approvedByPrincipal":false}"""));
                }
                case "afweging" -> {
                    typed.put("question", questionOf(command));
                    cases.state("afwegingskader", FakeCaseWork.json("{\"round\":1,\"answers\":{},\"nextQuestion\":\"" + questionOf(command)
                            + "\",\"openQuestions\":[],\"reportRequired\":false,\"meldnorm\":null,\"togetherWithVeiligThuis\":false}"));
                }
                default -> {
                }
            }
            CaseCommand.Field first = command.fields().stream().filter(field -> field.kind() != CaseCommand.Kind.HIDDEN).findFirst().orElseThrow();
            cases.refusal = new ServiceRefusal(422, "INVALID_INPUT", "Ongeldige invoer",
                    List.of(new ServiceRefusal.FieldError(first.name(), "mag niet onbeschreven zijn")));

            String page = send(command.slug(), typed).andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

            String target = command.inputId(first.name());
            assertThat(page).as(command.slug())
                    .contains("href=\"#" + target + "\">" + HtmlUtils.htmlEscape(command.summaryLabel(first.name()), "UTF-8") + ": mag niet onbeschreven zijn</a>")
                    .contains("id=\"" + target + "\"");
        }
    }

    private static String questionOf(CaseCommand weighing) {
        for (String question : List.of("VERMOEDEN", "VEILIGHEID", "HULP", "HULP_AANVAARDEN")) {
            if (weighing.equals(CaseCommands.weighing(question))) {
                return question;
            }
        }
        throw new IllegalArgumentException();
    }

    @Test
    void theReasonOfASkippedConversationIsNamedReden() throws Exception {
        cases.refusal = new ServiceRefusal(422, "INVALID_INPUT", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("reason", "mag niet onbeschreven zijn")));
        String page = send("gesprek-ouders-overslaan", fields("considerations", "Advies VT", "bevestigd", "ja"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#gesprek-ouders-overslaan-reason-0\">Reden: mag niet onbeschreven zijn</a>",
                "id=\"gesprek-ouders-overslaan-reason-0\"", ">Advies VT</textarea>");
    }

    // 3. breadcrumbs

    @Test
    void eachCasePageHasItsRealPathAsBreadcrumb() throws Exception {
        String dossier = "Dossier " + NAME;
        assertThat(breadcrumb(page("/dossiers"))).containsExactly("Vandaag", "Dossiers");
        assertThat(breadcrumb(page("/dossiers/case-1"))).containsExactly("Vandaag", "Dossiers", dossier);
        for (Map.Entry<String, String> page : CasePages.PAGE_NAMES.entrySet()) {
            String html = page("/dossiers/case-1/" + page.getKey());
            assertThat(breadcrumb(html)).as(page.getKey()).containsExactly("Vandaag", "Dossiers", dossier, page.getValue());
            assertThat(html).contains("<span aria-current=\"page\">" + page.getValue() + "</span>", "href=\"/dossiers/case-1\">" + dossier + "</a>");
        }
        assertThat(breadcrumb(page("/leerlingen/pupil-7f3a/opschalen?signaal=signal-1")))
                .containsExactly("Vandaag", "Zorglogboek Sanne de Vries", "Opschalen");
        actAs("dir-a", "PRINCIPAL", "school-a");
        assertThat(breadcrumb(page("/dossiers/goedkeuringen"))).containsExactly("Vandaag", "Goedkeuringen");
    }

    @Test
    void aTeacherAddedToTheCaseGetsNoBreadcrumbToTheSchoolsCasesTheyCannotOpen() throws Exception {
        actAs("lk-a", "TEACHER", "school-a");
        assertThat(breadcrumb(page("/dossiers/case-1"))).containsExactly("Vandaag", "Dossier " + NAME);
    }

    // 4. colleagues by name and role

    @Test
    void opschalenOffersTheSchoolsStaffByNameAndRoleWithoutScript() throws Exception {
        String form = page("/leerlingen/pupil-7f3a/opschalen?signaal=signal-1");
        assertThat(form).contains("<select class=\"govuk-select\" id=\"directeur\" name=\"directeur\">", ">dir-a (directeur)</option>",
                "<select class=\"govuk-select\" id=\"aandachtsfunctionaris\" name=\"aandachtsfunctionaris\">", ">af-a (aandachtsfunctionaris)</option>",
                "value=\"ib-a\" selected=\"selected\">ib-a (IB&#39;er)</option>", "Van een andere school (hieronder invullen)",
                "id=\"aandachtsfunctionarisAnders\"");
        String advisors = form.substring(form.indexOf("id=\"aandachtsfunctionaris\""), form.indexOf("</select>", form.indexOf("id=\"aandachtsfunctionaris\"")));
        assertThat(advisors).doesNotContain("dir-a", "lk-a");
    }

    @Test
    void anAdvisorOfAPairedSchoolIsChosenAsSuchAndSentWithThatSchool() throws Exception {
        mvc.perform(post("/leerlingen/pupil-7f3a/opschalen").with(signedIn()).with(csrf()).param("sleutel", "key-9").param("signalen", "signal-1")
                        .param("zorg", "Onthulling").param("casemanager", "ib-a").param("aandachtsfunctionaris", "andere-school")
                        .param("aandachtsfunctionarisAnders", "af-b").param("aandachtsfunctionarisSchool", "school-b").param("directeur", "dir-a"))
                .andExpect(status().isFound());
        assertThat(services.escalated.get(0).escalation()).containsEntry("team",
                Map.of("casemanagerId", "ib-a", "advisorId", "af-b", "advisorSchoolId", "school-b", "principalId", "dir-a"));
    }

    @Test
    void anAdvisorOfTheOwnSchoolIsSentWithTheOwnSchool() throws Exception {
        mvc.perform(post("/leerlingen/pupil-7f3a/opschalen").with(signedIn()).with(csrf()).param("sleutel", "key-9").param("signalen", "signal-1")
                        .param("zorg", "Onthulling").param("casemanager", "ib-a").param("aandachtsfunctionaris", "af-a").param("directeur", "dir-a"))
                .andExpect(status().isFound());
        assertThat(services.escalated.get(0).escalation()).containsEntry("team",
                Map.of("casemanagerId", "ib-a", "advisorId", "af-a", "advisorSchoolId", "school-a", "principalId", "dir-a"));
    }

    @Test
    void whenTheDirectoryListsNoOneTheTeamIsTypedAsBefore() throws Exception {
        cases.colleagues.clear();
        String form = page("/leerlingen/pupil-7f3a/opschalen?signaal=signal-1");
        assertThat(form).contains("type=\"text\" id=\"directeur\" name=\"directeur\"", "Vul de medewerkerscodes in").doesNotContain("<select");
    }

    @Test
    void aTeacherIsAddedToTheCaseByNameFromTheSchoolsTeachers() throws Exception {
        String dossier = page("/dossiers/case-1");
        int start = dossier.indexOf("id=\"leerkracht-toevoegen-teacherId\"");
        String select = dossier.substring(start, dossier.indexOf("</select>", start));
        assertThat(select).contains(">lk-a (leerkracht)</option>", ">lk-gijs (leerkracht)</option>").doesNotContain("dir-a", "ib-a");

        send("leerkracht-toevoegen", fields("teacherId", "lk-gijs")).andExpect(redirectedUrl("/dossiers/case-1"));
        assertThat(cases.sent.get(0).path()).isEqualTo("teachers");
        assertThat(cases.sent.get(0).body()).isEqualTo(Map.of("teacherId", "lk-gijs"));
    }

    // 5. Controleer en bevestig

    @Test
    void theReportDecisionIsShownForCheckingThenChangedWithNothingLostThenConfirmed() throws Exception {
        Map<String, String> decision = fields("reportNecessary", "true", "schoolCanOfferHelp", "false", "rationale", "Meldnorm 1: acute onveiligheid");

        String check = send("besluit", decision).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Controleer en bevestig", "Besluit 1: is melden noodzakelijk?</dt>", "Onderbouwing</dt>",
                "Meldnorm 1: acute onveiligheid</dd>", ">Bevestigen</button>", ">Wijzigen</button>",
                "name=\"rationale\" value=\"Meldnorm 1: acute onveiligheid\"", "name=\"versie\" value=\"5\"", "name=\"sleutel\" value=\"key-1\"");
        assertThat(cases.sent).isEmpty();

        Map<String, String> changing = new LinkedHashMap<>(decision);
        changing.put("wijzigen", "ja");
        String form = send("besluit", changing).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("id=\"form-besluit\"", ">Meldnorm 1: acute onveiligheid</textarea>", "value=\"key-1\"")
                .containsPattern("id=\"besluit-reportNecessary-ja\"[^>]*checked")
                .containsPattern("id=\"besluit-schoolCanOfferHelp-nee\"[^>]*checked")
                .doesNotContain("Controleer en bevestig");
        assertThat(cases.sent).isEmpty();

        Map<String, String> confirming = new LinkedHashMap<>(decision);
        confirming.put("bevestigd", "ja");
        send("besluit", confirming).andExpect(redirectedUrl("/dossiers/case-1/besluit"));
        assertThat(cases.sent).hasSize(1);
        assertThat(cases.sent.get(0).idempotencyKey()).isEqualTo("key-1");
        assertThat(cases.sent.get(0).body()).containsEntry("reportNecessary", true).containsEntry("rationale", "Meldnorm 1: acute onveiligheid");
    }

    @Test
    void everyHighStakesCommandIsCheckedFirstAndNothingIsSentUntilConfirmed() throws Exception {
        for (String slug : CaseCommands.CHECKED) {
            Map<String, String> typed = fields("reason", "Een reden", "rationale", "Een onderbouwing", "conclusion", "Een conclusie");
            if ("afweging".equals(slug)) {
                typed.put("question", "VERMOEDEN");
                typed.put("answer", "YES");
            }
            String check = send(slug, typed).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(check).as(slug).contains("Controleer en bevestig", ">Bevestigen</button>");
        }
        assertThat(cases.sent).isEmpty();
    }

    @Test
    void anAfwegingIsCheckedWithItsQuestionAndTheAnswerInWords() throws Exception {
        String check = send("afweging", fields("question", "VEILIGHEID", "answer", "DOUBT", "rationale", "Herhaling", "acuteUnsafety", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Afweging 2: is er sprake van acute en/of structurele onveiligheid?", ">Twijfel</dd>", "Acute onveiligheid</dt>",
                "name=\"question\" value=\"VEILIGHEID\"", "name=\"acuteUnsafety\" value=\"true\"");
    }

    @Test
    void anOrdinaryRecordIsSentAtOnceWithoutACheckPage() throws Exception {
        send("collegiale-consultatie", fields("consultedAt", "2026-12-01T10:15", "colleagueId", "lk-gijs", "colleagueCapacity", "leerkracht",
                "discussed", "De signalen", "sameSignalsSeen", "YES")).andExpect(redirectedUrl("/dossiers/case-1"));
        assertThat(cases.sent).hasSize(1);
    }
}
