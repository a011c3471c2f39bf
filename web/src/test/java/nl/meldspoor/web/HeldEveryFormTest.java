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
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.PupilFile;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * UI.md "Never lose input" for every form, not only "Signaal vastleggen": a case form or a correction form sent after
 * the session ended is held and, after sign-in, filled into the page that showed it — never sent on the person's behalf.
 * Role switch, sign-out and "Ingelogd blijven" carry nothing typed and are never held.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class HeldEveryFormTest {

    private static final String SIGN_IN = "/oauth2/authorization/meldspoor";

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
    }

    private OidcLoginRequestPostProcessor as(String person) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    /** The browser still presents the cookie of its session, which has ended meanwhile. */
    private static Cookie endedSession() {
        return new Cookie("MELDSPOOR_SESSION", Base64.getEncoder().encodeToString("sessie-die-verlopen-is".getBytes(StandardCharsets.UTF_8)));
    }

    /** A browser's form post after the session ended: its CSRF token belonged to the ended session. */
    private static MockHttpServletRequestBuilder afterTheSessionEnded(String path) {
        return post(path).contentType(MediaType.APPLICATION_FORM_URLENCODED).with(csrf().useInvalidToken()).cookie(endedSession());
    }

    private static Cookie heldIn(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("MELDSPOOR_SESSION");
        assertThat(cookie).as("a new session holds the form").isNotNull();
        return cookie;
    }

    @Test
    void aCaseFormIsHeldAndAfterSignInFilledIntoTheDossierPageThatShowedIt() throws Exception {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        Cookie session = heldIn(mvc.perform(afterTheSessionEnded("/dossiers/case-1/collegiale-consultatie")
                        .header("Referer", "http://localhost/dossiers/case-1")
                        .param("versie", "5").param("sleutel", "key-held").param("consultedAt", "2026-12-01T10:15")
                        .param("colleagueId", "lk-hanna").param("colleagueCapacity", "leerkracht broertje")
                        .param("discussed", "De blauwe plekken en het schrikken").param("sameSignalsSeen", "YES"))
                .andExpect(status().isFound()).andExpect(redirectedUrl(SIGN_IN)).andReturn());
        assertThat(cases.sent).isEmpty();

        String dossier = mvc.perform(get("/dossiers/case-1").cookie(session).with(as("ib-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String form = formOf(dossier, "form-collegiale-consultatie");
        assertThat(dossier).contains("Bewaard", "Het is nog niet verstuurd: controleer het en verstuur het opnieuw.");
        assertThat(form).contains("value=\"lk-hanna\"", "value=\"leerkracht broertje\"", "De blauwe plekken en het schrikken</textarea>",
                "value=\"2026-12-01T10:15\"", "value=\"key-held\"", "name=\"_csrf\"");
        assertThat(form).containsPattern("value=\"YES\"[^>]*checked|checked[^>]*value=\"YES\"");
        assertThat(formOf(dossier, "form-gesprek-kind")).as("the other forms of the page stay as they were").doesNotContain("lk-hanna");
        assertThat(cases.sent).as("refilled, not sent").isEmpty();

        String again = mvc.perform(get("/dossiers/case-1").cookie(session).with(as("ib-a"))).andReturn().getResponse().getContentAsString();
        assertThat(again).as("shown once").doesNotContain("Bewaard", "lk-hanna");
    }

    @Test
    void aRefusedCaseFormSentAgainAfterTheSessionEndedIsShownOnItsDossierPage() throws Exception {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        // the refused form was the answer to its own post, so the browser names that path, which shows nothing with GET
        Cookie session = heldIn(mvc.perform(afterTheSessionEnded("/dossiers/case-1/collegiale-consultatie")
                        .header("Referer", "http://localhost/dossiers/case-1/collegiale-consultatie")
                        .param("versie", "5").param("sleutel", "key-held").param("colleagueId", "lk-hanna"))
                .andExpect(redirectedUrl(SIGN_IN)).andReturn());

        String dossier = mvc.perform(get("/dossiers/case-1").cookie(session).with(as("ib-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(formOf(dossier, "form-collegiale-consultatie")).contains("value=\"lk-hanna\"");
    }

    @Test
    void aCorrectionFormIsHeldAndAfterSignInShownWithWhatWasTypedNotWithTheSignalAsItReads() throws Exception {
        services.pupils.add(new Pupil("pupil-1", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-1", false));
        services.files.put("pupil-1", file());
        Cookie session = heldIn(mvc.perform(afterTheSessionEnded("/leerlingen/pupil-1/signalen/signal-1/corrigeren")
                        .param("sleutel", "key-c").param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "kleedkamer")
                        .param("situatie", "omkleden voor gym").param("categorie", "HOME_SITUATION")
                        .param("uitspraken[0].tekst", "Ze zei: papa slaat me hard").param("uitspraken[0].soort", "FACT")
                        .param("uitspraken[0].herkomst", "OWN_OBSERVATION")
                        .param("aanwezig", "J.D.").param("vlaggen", "DISCLOSURE").param("vastgelegdDoor", "lk-a").param("vastgelegdAls", "TEACHER")
                        .param("reden", "Het was de kleedkamer"))
                .andExpect(redirectedUrl(SIGN_IN)).andReturn());

        String page = mvc.perform(get("/leerlingen/pupil-1/signalen/signal-1/corrigeren").cookie(session).with(as("lk-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Bewaard", "value=\"kleedkamer\"", "Ze zei: papa slaat me hard</textarea>", "Het was de kleedkamer", "value=\"key-c\"")
                .doesNotContain("value=\"gymzaal\"");
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void roleSwitchSignOutAndStayingSignedInAreNeverHeld() throws Exception {
        for (String path : List.of("/rol", "/afmelden", "/sessie/verlengen")) {
            MvcResult refused = mvc.perform(afterTheSessionEnded(path).param("rol", "PRINCIPAL|school-a")).andReturn();
            assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(403);
            assertThat(refused.getResponse().getCookie("MELDSPOOR_SESSION")).as(path + ": no session holds it").isNull();
        }
    }

    /** The form with this id, from its start tag to its end. */
    private static String formOf(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return page.substring(page.lastIndexOf("<form", start), page.indexOf("</form>", start));
    }

    private static PupilFile file() {
        PupilFile.Actor recorder = new PupilFile.Actor("lk-a", "TEACHER");
        PupilFile.Content recorded = new PupilFile.Content(Instant.parse("2026-12-01T09:15:00Z"), "gymzaal", "omkleden voor gym",
                List.of(new PupilFile.Statement("Ze zei: papa slaat me", "FACT", "OWN_OBSERVATION", null)),
                List.of("J.D."), "HOME_SITUATION", List.of("DISCLOSURE"), List.of(), recorder);
        PupilFile.Signal signal = new PupilFile.Signal("signal-1", "school-a", "gezin-1", Instant.parse("2026-12-01T09:30:00Z"),
                recorder, true, recorded, recorded, List.of(), List.of(), List.of(), List.of(), List.of());
        return new PupilFile("pupil-1", 4, List.of(signal));
    }
}
