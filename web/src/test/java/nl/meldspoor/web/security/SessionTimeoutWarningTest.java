package nl.meldspoor.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import nl.meldspoor.web.PagesTestConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** The time-out warning (UI.md checklist): the layout tells the script when, the endpoint extends the session. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class SessionTimeoutWarningTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    SessionRepository<? extends Session> sessions;

    private OidcLoginRequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("lk-a"));
    }

    private Cookie sessionOf(org.springframework.test.web.servlet.MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("MELDSPOOR_SESSION");
        assertThat(cookie).isNotNull();
        return cookie;
    }

    private String idOf(Cookie cookie) {
        return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
    }

    @Test
    void everyPageRendersTheRemainingTimeAndAWarningTwoMinutesBeforeTheIdleTimeOut() throws Exception {
        String page = mvc.perform(get("/").with(signedIn())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // 30 minutes idle (spring.session.timeout), the warning at 28 minutes
        assertThat(page).contains("id=\"sessie-waarschuwing\"", "data-seconds=\"1800\"", "data-warn-at=\"1680\"",
                "data-warning=\"Je wordt over 2 minuten afgemeld.\"", "aria-live=\"polite\"", "Ingelogd blijven",
                "action=\"/sessie/verlengen\"", "src=\"/js/sessie.js\"", "name=\"terug\" value=\"/\"");
        // without script the button stays hidden: nothing half-working appears
        assertThat(page).containsPattern("<form action=\"/sessie/verlengen\" method=\"post\" hx-boost=\"false\" hidden>");
    }

    @Test
    void theRemainingTimeIsShorterWhenTheAbsoluteTimeOutComesFirst() {
        long created = 1_000_000L;
        org.springframework.mock.web.MockHttpSession http = new org.springframework.mock.web.MockHttpSession() {
            @Override
            public long getCreationTime() {
                return created;
            }
        };
        http.setMaxInactiveInterval(1800);
        // 10 hours after sign-in minus 10 minutes: 600 seconds left, the warning after 480
        SessionTimeout timeout = SessionTimeout.of(http, Duration.ofHours(10), created + Duration.ofHours(10).minusMinutes(10).toMillis());
        assertThat(timeout).isEqualTo(new SessionTimeout(600, 480));
        assertThat(SessionTimeout.of(http, Duration.ofHours(10), created + Duration.ofHours(10).minusSeconds(60).toMillis()))
                .isEqualTo(new SessionTimeout(60, 0));
    }

    @Test
    void aPageWithoutASignedInPersonHasNoWarning() throws Exception {
        String page = mvc.perform(get("/afgemeld")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("sessie-waarschuwing", "Ingelogd blijven");
    }

    @Test
    void ingelogdBlijvenExtendsTheSession() throws Exception {
        Cookie cookie = sessionOf(mvc.perform(get("/").with(signedIn())).andReturn());
        String id = idOf(cookie);
        ageSession(id, Duration.ofMinutes(27));

        mvc.perform(post("/sessie/verlengen").cookie(cookie).with(signedIn()).with(csrf()).header("X-Meldspoor-Keep-Alive", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seconds").value(1800))
                .andExpect(jsonPath("$.warnAtSeconds").value(1680));

        Session after = sessions.findById(id);
        assertThat(after).isNotNull();
        assertThat(after.getLastAccessedTime()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));
    }

    @Test
    void withoutScriptIngelogdBlijvenExtendsTheSessionAndReturnsToThePageOnThisSiteOnly() throws Exception {
        Cookie cookie = sessionOf(mvc.perform(get("/").with(signedIn())).andReturn());
        String id = idOf(cookie);
        ageSession(id, Duration.ofMinutes(27));

        mvc.perform(post("/sessie/verlengen").cookie(cookie).with(signedIn()).with(csrf()).param("terug", "/signalen/nieuw"))
                .andExpect(redirectedUrl("/signalen/nieuw"));
        assertThat(sessions.findById(id).getLastAccessedTime()).isAfter(Instant.now().minus(Duration.ofMinutes(1)));

        mvc.perform(post("/sessie/verlengen").cookie(cookie).with(signedIn()).with(csrf()).param("terug", "//elders.example/"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void ingelogdBlijvenWithoutACsrfTokenIsRefusedAndExtendsNothing() throws Exception {
        Cookie cookie = sessionOf(mvc.perform(get("/").with(signedIn())).andReturn());
        mvc.perform(post("/sessie/verlengen").cookie(cookie).with(signedIn()).header("X-Meldspoor-Keep-Alive", "true"))
                .andExpect(status().isForbidden())
                .andExpect(status().reason("csrf"));
    }

    @Test
    void ingelogdBlijvenCannotStartASessionForSomeoneNotSignedIn() throws Exception {
        mvc.perform(post("/sessie/verlengen").with(csrf()).header("X-Meldspoor-Keep-Alive", "true"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/oauth2/authorization/meldspoor"));
    }

    /** As if the person had done nothing for a while: the session's last access moves back. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void ageSession(String id, Duration idle) {
        SessionRepository repository = sessions;
        Session session = repository.findById(id);
        assertThat(session).isNotNull();
        session.setLastAccessedTime(Instant.now().minus(idle));
        repository.save(session);
        assertThat(((Session) repository.findById(id)).getLastAccessedTime()).isBefore(Instant.now().minus(idle).plusSeconds(5));
    }
}
