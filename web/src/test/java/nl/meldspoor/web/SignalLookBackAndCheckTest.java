package nl.meldspoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.RecordedSignal;
import nl.meldspoor.web.services.ServiceRefusal;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * "Signaal vastleggen", UI.md flow A: the look-back appears when the pupil is chosen (htmx fragment, or "Kies deze
 * leerling" without script), and "Controleren" shows everything typed before "Opslaan" sends it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class SignalLookBackAndCheckTest {

    private static final String TALK_TO = "Er zijn eerder signalen vastgelegd over deze leerling of over broers en zussen op deze school. "
            + "Bespreek dit met de intern begeleider of de aandachtsfunctionaris.";

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeLookBacks lookBacks;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void pupils() {
        services.reset();
        lookBacks.reset();
        services.pupils.add(new Pupil("pupil-1", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-1", false));
        services.pupils.add(new Pupil("pupil-2", "school-a", "Sam", "Jansen", LocalDate.of(2016, 5, 1), 5, "gezin-2", false));
    }

    private OidcLoginRequestPostProcessor teacher() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("lk-a"));
    }

    /** Everything a teacher typed, with a body-map mark and a statement from someone else. */
    private MockHttpServletRequestBuilder typedIn() {
        return typedIn("pupil-1|gezin-1");
    }

    private MockHttpServletRequestBuilder typedIn(String pupil) {
        return post("/signalen/nieuw").with(teacher()).with(csrf())
                .param("sleutel", "key-check").param("naam", "San").param("leerling", pupil)
                .param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "gymzaal").param("situatie", "omkleden voor gym")
                .param("categorie", "HOME_SITUATION")
                .param("uitspraken[0].tekst", "Ze zei: papa slaat me").param("uitspraken[0].soort", "FACT")
                .param("uitspraken[0].herkomst", "OWN_OBSERVATION")
                .param("uitspraken[1].tekst", "Haar broer zegt dat het thuis onrustig is").param("uitspraken[1].soort", "INTERPRETATION")
                .param("uitspraken[1].herkomst", "THIRD_PARTY").param("uitspraken[1].bron", "broer").param("uitspraken[1].toestemming", "true")
                .param("aanwezig", "J.D., A.B.").param("onthulling", "true")
                .param("markeringen[0].plek", "ARM").param("markeringen[0].aanzicht", "FRONT").param("markeringen[0].zijde", "LEFT")
                .param("markeringen[0].soort", "BRUISE").param("markeringen[0].grootte", "2,5").param("markeringen[0].kleur", "BLUE")
                .param("markeringen[0].omschrijving", "ronde plek");
    }

    @Test
    void choosingThePupilShowsATeacherOnlyWhomToTalkToWithHtmx() throws Exception {
        lookBacks.answer = new RecordedSignal.LookBack(true, true, TALK_TO, null, null);

        String fragment = mvc.perform(get("/signalen/terugblik").param("leerling", "pupil-1|gezin-1").with(teacher()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).startsWith("<div id=\"terugblik\"").contains("Eerdere signalen", TALK_TO)
                .doesNotContain("<html", "Van deze leerling", "zorglogboek");
        assertThat(lookBacks.asked).as("asked at the school the teacher acts for, for the chosen pupil").containsExactly("school-a/pupil-1");
    }

    @Test
    void theSearchResultAsksForTheLookBackWhenAPupilIsChosen() throws Exception {
        String found = mvc.perform(get("/signalen/leerlingen").param("naam", "sanne").with(teacher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(found).contains("hx-get=\"/signalen/terugblik\"", "hx-target=\"#terugblik\"", "Kies deze leerling");
        assertThat(lookBacks.asked).as("searching reads nobody's signals").isEmpty();
    }

    @Test
    void aCareCoordinatorSeesTheEarlierSignalsWithoutTheirText() throws Exception {
        lookBacks.answer = new RecordedSignal.LookBack(true, false, null,
                List.of(new RecordedSignal.Summary("signal-9", "pupil-1", Instant.parse("2026-11-03T09:00:00Z"), "BULLYING", true, false, "case-7")),
                List.of());

        String fragment = mvc.perform(get("/signalen/terugblik").param("leerling", "pupil-1|gezin-1").with(teacher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("Van deze leerling", "3 november 2026", "Pesten", "/dossiers/case-7", "/leerlingen/pupil-1/zorglogboek");
    }

    @Test
    void withoutScriptKiesDezeLeerlingShowsTheLookBackOnTheFormWithEverythingKept() throws Exception {
        lookBacks.answer = new RecordedSignal.LookBack(true, false, TALK_TO, null, null);

        String page = mvc.perform(typedIn().param("actie", "kiezen")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<h1 class=\"govuk-heading-xl\">Signaal vastleggen</h1>", TALK_TO, "value=\"gymzaal\"", "Ze zei: papa slaat me",
                "value=\"pupil-1|gezin-1\" checked=\"checked\"");
        assertThat(lookBacks.asked).containsExactly("school-a/pupil-1");
        assertThat(services.recorded).as("choosing saves nothing").isEmpty();
    }

    @Test
    void aLookBackTheServiceCannotGiveDoesNotStopTheRecording() throws Exception {
        lookBacks.refusal = new ServiceRefusal(503, "UNAVAILABLE", null, List.of());

        String fragment = mvc.perform(get("/signalen/terugblik").param("leerling", "pupil-1|gezin-1").with(teacher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(fragment).contains("Eerdere signalen kunnen nu niet worden getoond.");
    }

    @Test
    void controlerenShowsEverythingTypedWithTheUrgentBannerAndSavesNothing() throws Exception {
        String check = mvc.perform(typedIn().param("actie", "controleren")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(check).contains("Controleer het signaal", "Sanne de Vries (groep 4)", "2026-12-01 10:15", "gymzaal", "omkleden voor gym",
                "Thuissituatie", "Ze zei: papa slaat me", "Feit: wat je zag of hoorde", "Zelf gezien of gehoord",
                "Haar broer zegt dat het thuis onrustig is", "Interpretatie: mening, verhaal of vermoeden",
                "Van een ander gehoord: broer, met toestemming van de bron.", "J.D., A.B.", "Onthulling",
                "arm links, voorkant", "blauwe plek", "2,5 cm", "ronde plek",
                "Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.",
                "name=\"actie\" value=\"opslaan\"", "name=\"wijzig\"");
        assertThat(check).as("everything travels in hidden fields, the idempotency key too")
                .contains("type=\"hidden\" name=\"sleutel\" value=\"key-check\"", "name=\"markeringen[0].grootte\" value=\"2,5\"",
                        "name=\"uitspraken[1].toestemming\" value=\"true\"", "name=\"onthulling\" value=\"true\"");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void wijzigenGoesBackToTheFilledFormWithNothingLost() throws Exception {
        String form = mvc.perform(typedIn().param("wijzig", "plaats")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(form).contains("Signaal vastleggen", "value=\"gymzaal\"", "omkleden voor gym", "Ze zei: papa slaat me", "value=\"J.D., A.B.\"",
                "value=\"key-check\"", "Haar broer zegt dat het thuis onrustig is", "value=\"broer\"", "ronde plek", "value=\"2,5\"",
                "value=\"pupil-1|gezin-1\" checked=\"checked\"", "name=\"actie\" value=\"controleren\"");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void opslaanFromTheCheckPageSendsItOnceWithTheFormsKey() throws Exception {
        mvc.perform(typedIn().param("actie", "opslaan")).andExpect(redirectedUrl("/signalen/vastgelegd"));

        assertThat(services.recorded).hasSize(1);
        assertThat(services.recorded.get(0).idempotencyKey()).isEqualTo("key-check");
        assertThat(services.recorded.get(0).recording()).containsEntry("place", "gymzaal");
    }

    @Test
    void controlerenWithoutAChosenPupilStaysOnTheFormWithTheErrorAtTheName() throws Exception {
        String page = mvc.perform(typedIn("").param("actie", "controleren"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Zoek en kies de leerling.", "href=\"#naam\"", "value=\"gymzaal\"").doesNotContain("Controleer het signaal");
    }

    @Test
    void aRefusalAfterOpslaanGoesBackToTheFormWithTheErrorNextToTheField() throws Exception {
        services.signalRefusal = new ServiceRefusal(422, "SOURCE_CONSENT_REQUIRED", "Zonder toestemming van de bron kun je dit niet vastleggen.",
                List.of(new ServiceRefusal.FieldError("statements[1].source", "Zonder toestemming van de bron kun je dit niet vastleggen.")));

        String page = mvc.perform(typedIn().param("actie", "opslaan"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Signaal vastleggen", "href=\"#uitspraken1.bron\"", "Zonder toestemming van de bron kun je dit niet vastleggen.",
                "value=\"gymzaal\"", "value=\"broer\"").doesNotContain("Controleer het signaal");
    }
}
