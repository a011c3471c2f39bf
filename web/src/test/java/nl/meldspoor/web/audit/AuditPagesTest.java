package nl.meldspoor.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
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

/** Flow D (UI.md): the auditor reconstructs a case, with the services faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class AuditPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeAuditWork audit;
    @Autowired
    ClientRegistrationRepository registrations;

    /** The session cookie the first answer set: the purpose is kept per session. */
    private jakarta.servlet.http.Cookie session;

    @BeforeEach
    void reset() throws Exception {
        services.reset();
        services.me = new SignedIn("audit-inspectie", List.of(new StaffRole("AUDITOR", "board", LocalDate.parse("2027-03-01"))));
        audit.reset();
        // Vandaag starts the session (it keeps the acting role); each test is a fresh sign-in
        session = mvc.perform(get("/").with(auditor())).andReturn().getResponse().getCookie("MELDSPOOR_SESSION");
        assertThat(session).isNotNull();
    }

    private OidcLoginRequestPostProcessor auditor() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("audit-inspectie"));
    }

    private jakarta.servlet.http.Cookie[] cookies() {
        return new jakarta.servlet.http.Cookie[] {session};
    }

    private org.springframework.test.web.servlet.MvcResult keep(org.springframework.test.web.servlet.MvcResult result) {
        if (result.getResponse().getCookie("MELDSPOOR_SESSION") != null) {
            session = result.getResponse().getCookie("MELDSPOOR_SESSION");
        }
        return result;
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).cookie(cookies()).with(auditor())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void givePurpose(String code) throws Exception {
        keep(mvc.perform(post("/audit/dossiers/case-1/doel").cookie(cookies()).with(auditor()).with(csrf()).param("doel", code))
                .andExpect(redirectedUrl("/audit/dossiers/case-1")).andReturn());
    }

    @Test
    void aBoardWideAuditorChoosesASchoolAndItsCasesLeadToThePurposeQuestion() throws Exception {
        String start = page("/audit");
        assertThat(start).contains("Kies een school", "De Brug", "Je kijkt als auditor en kunt niets wijzigen.",
                "Je toegang loopt tot en met maandag 1 maart 2027.");
        assertThat(audit.caseListsOf).isEmpty();

        String cases = page("/audit?school=school-a");
        assertThat(audit.caseListsOf).containsExactly("school-a");
        assertThat(cases).contains("/audit/dossiers/case-1/doel", "p-7", "Stap 4: Wegen");
    }

    @Test
    void nothingOfTheCaseIsReadBeforeThePurposeIsGiven() throws Exception {
        for (String path : List.of("/audit/dossiers/case-1", "/audit/dossiers/case-1/verschil", "/audit/dossiers/case-1/wie-keek")) {
            mvc.perform(get(path).cookie(cookies()).with(auditor())).andExpect(redirectedUrl("/audit/dossiers/case-1/doel"));
        }
        assertThat(page("/audit/dossiers/case-1/doel")).contains("Waarom bekijk je dit dossier?", "Controle van de dossiervorming",
                "Inzageverzoek van ouders", "value=\"AUDIT\"");
        assertThat(audit.reads).isEmpty();
    }

    @Test
    void withoutAPurposeTheCaseStaysClosedAndTheQuestionSaysWhy() throws Exception {
        String refused = mvc.perform(post("/audit/dossiers/case-1/doel").cookie(cookies()).with(auditor()).with(csrf()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("<title>Fout: Waarom bekijk je dit dossier? – Meldspoor</title>", "Kies waarom je dit dossier bekijkt.",
                "href=\"#doel\"", "govuk-form-group--error");

        // a purpose that is no code of the list is no purpose either: free text could name a pupil
        mvc.perform(post("/audit/dossiers/case-1/doel").cookie(cookies()).with(auditor()).with(csrf()).param("doel", "gesprek over Sanne"))
                .andExpect(status().isUnprocessableEntity());
        mvc.perform(get("/audit/dossiers/case-1").cookie(cookies()).with(auditor())).andExpect(redirectedUrl("/audit/dossiers/case-1/doel"));
        assertThat(audit.reads).isEmpty();
    }

    @Test
    void givingAPurposeWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/audit/dossiers/case-1/doel").cookie(cookies()).with(auditor()).param("doel", "AUDIT")).andExpect(status().isForbidden());
        mvc.perform(get("/audit/dossiers/case-1").cookie(cookies()).with(auditor())).andExpect(redirectedUrl("/audit/dossiers/case-1/doel"));
    }

    @Test
    void theGivenPurposeGoesWithEveryReadOfThatCaseInThisSession() throws Exception {
        givePurpose("AUDIT");
        String timeline = page("/audit/dossiers/case-1");
        page("/audit/dossiers/case-1/verschil?van-datum=2026-12-01&van-tijd=09:15");
        page("/audit/dossiers/case-1/wie-keek");

        assertThat(timeline).contains("Je bekijkt dit dossier voor: <strong>Controle van de dossiervorming</strong>", "Dossier geopend met 1 signaal",
                "Afweging 1 (vermoeden): ja", "Stap 4 van 5: Wegen");
        assertThat(timeline).doesNotContain("Besluit goedkeuren", "method=\"post\" novalidate");
        assertThat(audit.reads).hasSizeGreaterThanOrEqualTo(4).allSatisfy(read -> assertThat(read.purpose()).isEqualTo("AUDIT"));
        // another case asks again
        mvc.perform(get("/audit/dossiers/case-2").cookie(cookies()).with(auditor())).andExpect(redirectedUrl("/audit/dossiers/case-2/doel"));
    }

    @Test
    void zoalsBekendOpShowsTheCaseAsRecordedThenAndSaysLaterFactsAreHidden() throws Exception {
        givePurpose("AUDIT");
        String then = page("/audit/dossiers/case-1?datum=2026-12-01&tijd=10:45");

        // 10:45 at the school is 09:45 UTC: the consultation (09:30) was recorded, the weighing (10:00) not yet
        assertThat(audit.reads.get(audit.reads.size() - 1).asOf()).isEqualTo(Instant.parse("2026-12-01T09:45:00Z"));
        assertThat(then).contains("id=\"zoals-bekend\"", "Je ziet het dossier zoals het bekend was op 1 december 2026, 10:45. Wat later is vastgelegd, is verborgen.",
                "Collegiale consultatie met lk-gijs", "Stand bij versie 3", "Stand op dat moment");
        assertThat(then).doesNotContain("Afweging 1 (vermoeden): ja");
    }

    @Test
    void aMomentBeforeTheCaseExistedIsSaidNextToThePicker() throws Exception {
        givePurpose("AUDIT");
        String refused = mvc.perform(get("/audit/dossiers/case-1?datum=2026-11-01").cookie(cookies()).with(auditor()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Fout: Zoals bekend op", "Op dat moment bestond dit dossier nog niet.", "href=\"#datum\"",
                "Afweging 1 (vermoeden): ja").doesNotContain("id=\"zoals-bekend\"");

        String unreadable = mvc.perform(get("/audit/dossiers/case-1?datum=1-12-2026").cookie(cookies()).with(auditor()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(unreadable).contains("Vul een datum en tijd in", "value=\"1-12-2026\"");
    }

    @Test
    void verschilListsTheEventsRecordedInBetweenAndTheHeaderBeforeAndAfter() throws Exception {
        givePurpose("AUDIT");
        String difference = page("/audit/dossiers/case-1/verschil?van-datum=2026-12-01&van-tijd=09:15&tot-datum=2026-12-01&tot-tijd=11:30");

        String between = difference.substring(difference.indexOf("id=\"tussen\""));
        assertThat(between).contains("Collegiale consultatie met lk-gijs", "Afweging 1 (vermoeden): ja").doesNotContain("Dossier geopend");
        String before = difference.substring(difference.indexOf("id=\"voor\""), difference.indexOf("id=\"na\""));
        String after = difference.substring(difference.indexOf("id=\"na\""), difference.indexOf("id=\"tussen\""));
        assertThat(before).contains("Op 1 december 2026, 09:15", "Stand bij versie 1", "Geen open termijnen");
        assertThat(after).contains("Op 1 december 2026, 11:30", "Stand bij versie 5", "Stap 4 van 5: Wegen", "casemanager ib-a");
        assertThat(audit.reads).extracting(FakeAuditWork.Read::asOf)
                .contains(Instant.parse("2026-12-01T08:15:00Z"), Instant.parse("2026-12-01T10:30:00Z"));
    }

    @Test
    void verschilWithTheSecondMomentBeforeTheFirstIsRefusedNextToIt() throws Exception {
        givePurpose("AUDIT");
        String refused = mvc.perform(get("/audit/dossiers/case-1/verschil?van-datum=2026-12-01&van-tijd=11:00&tot-datum=2026-12-01&tot-tijd=10:00")
                        .cookie(cookies()).with(auditor()))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Het tweede moment moet na het eerste liggen.", "href=\"#tot\"", "value=\"11:00\"").doesNotContain("id=\"tussen\"");
    }

    @Test
    void wieKeekShowsTheAccessLogOfThisCaseWithRoleWhenAndWhy() throws Exception {
        audit.entries.add(entry("audit-inspectie", "AUDITOR", "controle van de dossiervorming"));
        audit.entries.add(entry("ib-a", "CARE_COORDINATOR", null));
        givePurpose("AUDIT");
        String looked = page("/audit/dossiers/case-1/wie-keek");

        assertThat(audit.queries).containsExactly(new FakeAuditWork.Query("school-a", null, "case-1", null, null, 0, 25));
        assertThat(looked).contains("audit-inspectie", "auditor", "controle van de dossiervorming", "IB&#39;er", "geen doel opgegeven",
                "1 december 2026, 13:00");
    }

    @Test
    void aCaseTheServiceHidesLooksLikeAPageThatDoesNotExist() throws Exception {
        givePurpose("AUDIT");
        audit.refusal = new ServiceRefusal(403, "NOT_YOUR_SCHOOL", "Niet jouw school", List.of());
        String page = mvc.perform(get("/audit/dossiers/case-1").cookie(cookies()).with(auditor())).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.").doesNotContain("Niet jouw school");
    }

    static Map<String, Object> entry(String person, String role, String why) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("personId", person);
        entry.put("role", role);
        entry.put("kind", "CASE_TIMELINE");
        entry.put("what", "tijdlijn van dossier");
        entry.put("recordId", "case-1");
        entry.put("why", why);
        entry.put("at", "2026-12-01T12:00:00Z");
        return entry;
    }
}
