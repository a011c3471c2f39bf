package nl.meldspoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import nl.meldspoor.web.services.Inbox;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.hamcrest.Matchers;
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
import org.springframework.test.web.servlet.MvcResult;

/** Every page and form through the whole web stack (security, sessions in PostgreSQL, Thymeleaf), with the services faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class PagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        services.reset();
    }

    private OidcLoginRequestPostProcessor signedIn(String personId) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor"))
                .idToken(token -> token.subject(personId).claim("sid", "provider-session"));
    }

    @Test
    void anUnauthenticatedVisitorIsSentToSignInAtTheBoardsProviderWithPkce() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/oauth2/authorization/meldspoor"));
        mvc.perform(get("/inbox")).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/oauth2/authorization/meldspoor"));

        String authorize = mvc.perform(get("/oauth2/authorization/meldspoor")).andExpect(status().isFound())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(PagesTestConfiguration.PROVIDER + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=meldspoor-web", "scope=openid", "code_challenge=", "code_challenge_method=S256",
                        "nonce=");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndTheBrowserKeepsNoCopyOfAPage() throws Exception {
        MvcResult result = mvc.perform(get("/oauth2/authorization/meldspoor")).andReturn();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("MELDSPOOR_SESSION=").contains("HttpOnly", "SameSite=Lax"));
        mvc.perform(get("/").with(signedIn("lk-a")))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")));
    }

    @Test
    void aTeacherSeesVandaagForTheirRoleAtTheirSchoolWithTheUnreadCount() throws Exception {
        services.notify("n-1", "Nieuw urgent signaal", false);
        services.notify("n-2", "Herinnering stap 2", true);

        String page = mvc.perform(get("/").with(signedIn("lk-a")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<html lang=\"nl\"", "Vandaag", "leerkracht · school-a", "Nieuw urgent signaal", "1</span> ongelezen",
                "Afmelden", "name=\"_csrf\"");
        assertThat(page).doesNotContain("Herinnering stap 2", "Wissel van rol");
    }

    @Test
    void someoneWithTwoRolesChoosesTheRoleTheyActIn() throws Exception {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null),
                new StaffRole("ADVISOR", "school-b", null)));
        MvcResult first = mvc.perform(get("/").with(signedIn("ib-a"))).andReturn();
        jakarta.servlet.http.Cookie session = first.getResponse().getCookie("MELDSPOOR_SESSION");
        assertThat(session).isNotNull();
        String before = first.getResponse().getContentAsString();
        assertThat(before).contains("Wissel van rol", "<span class=\"govuk-caption-l\">IB&#39;er · school-a</span>");

        mvc.perform(post("/rol").cookie(session).with(signedIn("ib-a")).with(csrf()).param("rol", "ADVISOR|school-b"))
                .andExpect(redirectedUrl("/"));
        String after = mvc.perform(get("/").cookie(session).with(signedIn("ib-a"))).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("<span class=\"govuk-caption-l\">aandachtsfunctionaris · school-b</span>");

        // a role the directory does not give the person changes nothing
        mvc.perform(post("/rol").cookie(session).with(signedIn("ib-a")).with(csrf()).param("rol", "PRINCIPAL|school-a"))
                .andExpect(redirectedUrl("/"));
        assertThat(mvc.perform(get("/").cookie(session).with(signedIn("ib-a"))).andReturn().getResponse().getContentAsString())
                .contains("aandachtsfunctionaris · school-b");
    }

    @Test
    void chooseARoleWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/rol").with(signedIn("lk-a")).param("rol", "TEACHER|school-a"))
                // the container renders error/403.html ("Formulier niet verstuurd") for this reason; MockMvc does not dispatch errors
                .andExpect(status().isForbidden())
                .andExpect(status().reason("csrf"));
    }

    @Test
    void theInboxListsNotificationsAndMarksOneRead() throws Exception {
        services.notify("n-1", "Nieuw urgent signaal", false);
        services.notify("n-2", "Herinnering stap 2", true);

        String inbox = mvc.perform(get("/inbox").with(signedIn("ib-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("Nieuw urgent signaal", "Herinnering stap 2", "Markeer als gelezen", "/inbox/n-1/gelezen");
        assertThat(inbox).doesNotContain("/inbox/n-2/gelezen");

        mvc.perform(post("/inbox/n-1/gelezen").with(signedIn("ib-a")).with(csrf())).andExpect(redirectedUrl("/inbox"));
        assertThat(services.markedRead).containsExactly("n-1");
        assertThat(mvc.perform(get("/inbox").with(signedIn("ib-a"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("/inbox/n-1/gelezen").contains("<span>0</span> ongelezen");
    }

    /** A notification about a case, an incident or a pupil's signal links to that record's page; one about nothing links nowhere. */
    @Test
    void eachNotificationLinksToTheRecordItIsAbout() throws Exception {
        Instant now = Instant.parse("2026-12-02T08:00:00Z");
        services.notifications.add(new Inbox.Item("n-1", "MELDPLICHT_INCIDENT", "school-a", "incident inc-42", "Meldplicht", "Tekst", now, false, null));
        services.notifications.add(new Inbox.Item("n-2", "REPORT_DECISION_AWAITS_APPROVAL", "school-a", "dossier case-7", "Goedkeuring", "Tekst", now, false, null));
        services.notifications.add(new Inbox.Item("n-3", "URGENT_SIGNAL", "school-a", "leerling lln-9, signaal sig-1", "Urgent", "Tekst", now, false, null));
        services.notifications.add(new Inbox.Item("n-4", "CASE_INACTIVE_REMINDER", "school-a", "iets anders", "Zonder kenmerk", "Tekst", now, false, null));

        String inbox = mvc.perform(get("/inbox").with(signedIn("bo-bestuur"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(inbox).contains("href=\"/incidenten/inc-42\">Meldplicht</a>", "href=\"/dossiers/case-7\">Goedkeuring</a>",
                "href=\"/leerlingen/lln-9/zorglogboek\">Urgent</a>", "<span>Zonder kenmerk</span>");
    }

    /** The breadcrumb says where a page sits: none on Vandaag, "Vandaag › Inbox" on the inbox, never a made-up path. */
    @Test
    void theBreadcrumbIsThePagesRealPath() throws Exception {
        String today = mvc.perform(get("/").with(signedIn("lk-a"))).andReturn().getResponse().getContentAsString();
        String inbox = mvc.perform(get("/inbox").with(signedIn("lk-a"))).andReturn().getResponse().getContentAsString();
        String recording = mvc.perform(get("/signalen/nieuw").with(signedIn("lk-a"))).andReturn().getResponse().getContentAsString();

        assertThat(today).doesNotContain("govuk-breadcrumbs");
        assertThat(inbox).containsPattern("govuk-breadcrumbs__link\" href=\"/\">Vandaag</a>")
                .containsPattern("aria-current=\"page\">Inbox</span>");
        assertThat(recording).contains("govuk-breadcrumbs").doesNotContain("href=\"/inbox\">Inbox</a>");
    }

    @Test
    void markingReadWithoutACsrfTokenIsRefusedAndChangesNothing() throws Exception {
        services.notify("n-1", "Nieuw urgent signaal", false);
        mvc.perform(post("/inbox/n-1/gelezen").with(signedIn("ib-a"))).andExpect(status().isForbidden());
        assertThat(services.markedRead).isEmpty();
    }

    @Test
    void aServiceThatForbidsLooksLikeAPageThatDoesNotExist() throws Exception {
        services.refusal = new ServiceRefusal(403, "NOT_IN_SCOPE", "Geen toegang tot deze school", List.of());
        String page = mvc.perform(get("/inbox").with(signedIn("lk-a"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.").doesNotContain("Geen toegang tot deze school");
    }

    @Test
    void anUnknownPageSaysSoInDutch() throws Exception {
        mvc.perform(get("/dossiers/onbekend").with(signedIn("lk-a")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("Deze pagina bestaat niet of je hebt er geen toegang toe.")));
    }

    @Test
    void aServiceFailureShowsADutchErrorPage() throws Exception {
        services.refusal = new ServiceRefusal(503, "UNAVAILABLE", "De dienst is even niet bereikbaar.", List.of());
        mvc.perform(get("/").with(signedIn("lk-a")))
                .andExpect(status().isBadGateway())
                .andExpect(content().string(Matchers.containsString("Er ging iets mis")))
                .andExpect(content().string(Matchers.containsString("<title>Fout: ")));
    }

    @Test
    void signingOutEndsTheSessionAtTheProviderToo() throws Exception {
        MvcResult result = mvc.perform(post("/afmelden").with(signedIn("lk-a")).with(csrf())).andExpect(status().isFound()).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        assertThat(target).startsWith(PagesTestConfiguration.PROVIDER + "/connect/logout?")
                .contains("id_token_hint=", "post_logout_redirect_uri=http://localhost/afgemeld");
        assertThat(result.getResponse().getHeaders("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("MELDSPOOR_SESSION=").contains("Max-Age=0"));
    }

    @Test
    void signingOutWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/afmelden").with(signedIn("lk-a"))).andExpect(status().isForbidden());
    }

    @Test
    void theSignedOutPageAndTheStylesNeedNoSignIn() throws Exception {
        mvc.perform(get("/afgemeld")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Je bent afgemeld")));
        mvc.perform(get("/css/meldspoor.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }
}
