package nl.meldspoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import nl.meldspoor.web.security.HeldForm;
import nl.meldspoor.web.services.Pupil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** UI.md "Never lose input": a form sent after the session ended is held on the server and shown filled in after sign-in. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class HeldFormTest {

    private static final String SIGN_IN = "/oauth2/authorization/meldspoor";

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    ClientRegistrationRepository registrations;
    @Autowired
    SessionRepository<? extends Session> sessions;

    @BeforeEach
    void pupils() {
        services.reset();
        services.pupils.add(new Pupil("pupil-1", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-1", false));
    }

    private OidcLoginRequestPostProcessor teacher() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("lk-a"));
    }

    /** The browser still presents the cookie of its session, which has ended meanwhile (idle time-out). */
    private static Cookie endedSession() {
        return new Cookie("MELDSPOOR_SESSION", Base64.getEncoder().encodeToString("sessie-die-verlopen-is".getBytes(StandardCharsets.UTF_8)));
    }

    private static MockHttpServletRequestBuilder typedSignal() {
        // a browser's form post: the CSRF token it carries belonged to the ended session
        return post("/signalen/nieuw").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf().useInvalidToken())
                .param("actie", "opslaan").param("sleutel", "key-held").param("naam", "San").param("leerling", "pupil-1|gezin-1")
                .param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "gymzaal").param("situatie", "omkleden voor gym")
                .param("categorie", "HOME_SITUATION")
                .param("uitspraken[0].tekst", "Ze zei: papa slaat me").param("uitspraken[0].soort", "FACT")
                .param("uitspraken[0].herkomst", "OWN_OBSERVATION")
                .param("uitspraken[1].tekst", "").param("aanwezig", "J.D., A.B.").param("onthulling", "true").param("_onthulling", "on");
    }

    private Cookie heldIn(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("MELDSPOOR_SESSION");
        assertThat(cookie).as("a new session holds the form").isNotNull();
        return cookie;
    }

    @Test
    void aSignalSentAfterTheSessionEndedIsHeldAndAfterSignInShownFilledInNotSent() throws Exception {
        MvcResult held = mvc.perform(typedSignal().cookie(endedSession()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(SIGN_IN))
                .andReturn();
        Cookie session = heldIn(held);
        assertThat(services.recorded).isEmpty();

        String page = mvc.perform(get("/signalen/nieuw").cookie(session).with(teacher()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Bewaard", "Het is nog niet verstuurd: controleer het en verstuur het opnieuw.",
                "value=\"gymzaal\"", "value=\"San\"", "Ze zei: papa slaat me", "omkleden voor gym", "value=\"J.D., A.B.\"",
                "value=\"key-held\"", "value=\"2026-12-01\"", "value=\"10:15\"", "Sanne de Vries", "value=\"pupil-1|gezin-1\" checked=\"checked\"",
                "name=\"_csrf\"");
        assertThat(page).containsPattern("id=\"onthulling1\"[^>]*checked=\"checked\"|checked=\"checked\"[^>]*id=\"onthulling1\"");
        // refilled, not sent on the person's behalf: they check it and press "Opslaan" themselves
        assertThat(services.recorded).isEmpty();

        // shown once: the next visit starts empty
        String again = mvc.perform(get("/signalen/nieuw").cookie(session).with(teacher())).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain("Bewaard", "value=\"gymzaal\"");
    }

    @Test
    void theHeldFormIsShownOnlyInTheSessionThatHeldIt() throws Exception {
        heldIn(mvc.perform(typedSignal().cookie(endedSession())).andExpect(redirectedUrl(SIGN_IN)).andReturn());

        String elsewhere = mvc.perform(get("/signalen/nieuw").with(teacher())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(elsewhere).doesNotContain("Bewaard", "value=\"gymzaal\"");
    }

    @Test
    void aHeldFormOlderThanHalfAnHourIsDropped() throws Exception {
        Cookie session = heldIn(mvc.perform(typedSignal().cookie(endedSession())).andExpect(redirectedUrl(SIGN_IN)).andReturn());
        String id = new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8);
        backdate(id, Duration.ofMinutes(31));

        String page = mvc.perform(get("/signalen/nieuw").cookie(session).with(teacher())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("Bewaard", "value=\"gymzaal\"");
    }

    @Test
    void aPostWithoutAnEndedSessionIsRefusedForItsCsrfTokenAsBefore() throws Exception {
        // no session cookie at all: a cross-site post (SameSite=Lax sends none) or a stranger; nothing is held
        MvcResult result = mvc.perform(typedSignal()).andExpect(status().isForbidden()).andExpect(status().reason("csrf")).andReturn();
        assertThat(result.getResponse().getCookie("MELDSPOOR_SESSION")).isNull();
    }

    @Test
    void aPostFromAnotherSiteIsNotHeld() throws Exception {
        mvc.perform(typedSignal().cookie(endedSession()).header("Origin", "https://elders.example"))
                .andExpect(status().isForbidden());
        mvc.perform(typedSignal().cookie(endedSession()).header("Sec-Fetch-Site", "cross-site"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostTooLargeToHoldIsNotHeld() throws Exception {
        mvc.perform(typedSignal().cookie(endedSession()).param("situatie", "x".repeat(25_000)))
                .andExpect(status().isForbidden());
    }

    @Test
    void aFormNotConfiguredForHoldingIsRefusedAsBefore() throws Exception {
        mvc.perform(post("/inbox/n-1/gelezen").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf().useInvalidToken()).cookie(endedSession()))
                .andExpect(status().isForbidden());
        assertThat(services.markedRead).isEmpty();
    }

    @Test
    void aSignedInPersonsOwnPostIsNeverHeld() throws Exception {
        // a valid sign-in with an outdated token is a CSRF refusal, not a time-out
        mvc.perform(typedSignal().with(teacher())).andExpect(status().isForbidden()).andExpect(status().reason("csrf"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void backdate(String id, Duration age) {
        SessionRepository repository = sessions;
        Session session = repository.findById(id);
        HeldForm held = session.getAttribute(HeldForm.class.getName());
        assertThat(held).isNotNull();
        session.setAttribute(HeldForm.class.getName(), new HeldForm(held.path(), new LinkedHashMap<>(held.fields()), Instant.now().minus(age), held.page()));
        repository.save(session);
    }
}
