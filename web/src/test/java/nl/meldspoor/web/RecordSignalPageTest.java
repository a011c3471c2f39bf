package nl.meldspoor.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** "Signaal vastleggen" through the whole web stack, with the signal-service faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class RecordSignalPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void pupils() {
        services.reset();
        services.pupils.add(new Pupil("pupil-1", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-1", false));
        services.pupils.add(new Pupil("pupil-2", "school-a", "Daan", "Jansen", LocalDate.of(2016, 5, 1), 5, "gezin-2", false));
        services.pupils.add(new Pupil("pupil-3", "school-b", "Sam", "Bakker", LocalDate.of(2016, 5, 1), 5, "gezin-3", false));
    }

    private OidcLoginRequestPostProcessor teacher() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("lk-a"));
    }

    private MockHttpServletRequestBuilder filledIn() {
        return filledIn("pupil-1|gezin-1");
    }

    private MockHttpServletRequestBuilder filledIn(String pupil) {
        return typedIn(pupil).param("actie", "opslaan");
    }

    /** The form as typed, before a button is pressed. */
    private MockHttpServletRequestBuilder typedIn(String pupil) {
        return post("/signalen/nieuw").with(teacher()).with(csrf())
                .param("sleutel", "key-1").param("naam", "San").param("leerling", pupil)
                .param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "gymzaal").param("situatie", "omkleden voor gym")
                .param("categorie", "HOME_SITUATION")
                .param("uitspraken[0].tekst", "Ze zei: papa slaat me").param("uitspraken[0].soort", "FACT")
                .param("uitspraken[0].herkomst", "OWN_OBSERVATION")
                .param("uitspraken[1].tekst", "").param("aanwezig", "J.D., A.B.").param("onthulling", "true");
    }

    @Test
    void theTeacherFindsThePupilByTheStartOfANameAtHerOwnSchool() throws Exception {
        String page = mvc.perform(get("/signalen/leerlingen").param("naam", "sa").with(teacher()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Sanne de Vries (groep 4)", "pupil-1|gezin-1").doesNotContain("Sam Bakker", "Daan");

        String withoutScript = mvc.perform(post("/signalen/nieuw").with(teacher()).with(csrf()).param("actie", "zoeken").param("naam", "Jan")
                        .param("plaats", "gymzaal"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withoutScript).contains("Daan Jansen (groep 5)", "value=\"gymzaal\"");
    }

    @Test
    void aDisclosureIsRecordedWithAnIdempotencyKeyAndTheUrgentAdviceFollows() throws Exception {
        mvc.perform(filledIn())
                .andExpect(redirectedUrl("/signalen/vastgelegd"))
                .andExpect(flash().attribute("recorded", new RecordedSignal("signal-1", "pupil-1", true,
                        List.of("Neem nu contact op met Veilig Thuis (0800-2000)."))));

        FakeServices.Recorded recorded = services.recorded.get(0);
        assertThat(recorded.pupilRef()).isEqualTo("pupil-1");
        assertThat(recorded.idempotencyKey()).isEqualTo("key-1");
        Map<String, Object> body = recorded.recording();
        assertThat(body).containsEntry("schoolId", "school-a").containsEntry("familyRef", "gezin-1").containsEntry("place", "gymzaal")
                .containsEntry("category", "HOME_SITUATION").containsEntry("observedAt", "2026-12-01T09:15:00Z")
                .containsEntry("othersPresent", List.of("J.D.", "A.B.")).containsEntry("flags", List.of("DISCLOSURE"));
        assertThat(body.get("statements")).isEqualTo(List.of(Map.of("text", "Ze zei: papa slaat me", "kind", "FACT", "origin", "OWN_OBSERVATION")));
    }

    @Test
    void theUrgentBannerIsOnTheFormBeforeSavingAndNeverOffersTheParentsFirst() throws Exception {
        String form = mvc.perform(get("/signalen/nieuw").with(teacher())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("meldspoor-urgent--when-flagged", "Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.",
                "Feit: wat je zag of hoorde", "Interpretatie: mening, verhaal of vermoeden", "name=\"sleutel\"", "name=\"_csrf\"");
        assertThat(form).doesNotContain("eerst met ouders");
    }

    @Test
    void aRefusalAppearsNextToItsFieldWithEverythingTypedKept() throws Exception {
        services.signalRefusal = new ServiceRefusal(422, "SOURCE_CONSENT_REQUIRED", "Zonder toestemming van de bron kun je dit niet vastleggen.",
                List.of(new ServiceRefusal.FieldError("statements[0].source", "Zonder toestemming van de bron kun je dit niet vastleggen."),
                        new ServiceRefusal.FieldError("place", "mag niet leeg zijn")));

        String page = mvc.perform(filledIn()).andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fout: Signaal vastleggen", "govuk-error-summary", "href=\"#uitspraken0.bron\"", "href=\"#plaats\"",
                "Zonder toestemming van de bron kun je dit niet vastleggen.", "mag niet leeg zijn",
                ">Ze zei: papa slaat me</textarea>", "value=\"J.D., A.B.\"", "value=\"key-1\"", "meldspoor-urgent--shown");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void withoutAPupilNothingIsSentAndTheFormSaysWhy() throws Exception {
        String page = mvc.perform(filledIn("")).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Zoek en kies de leerling.", "value=\"gymzaal\"");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void recordingWithoutACsrfTokenIsRefusedAndNothingIsRecorded() throws Exception {
        mvc.perform(post("/signalen/nieuw").with(teacher()).param("actie", "opslaan").param("leerling", "pupil-1|gezin-1"))
                .andExpect(status().isForbidden());
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void aMarkIsPlacedWithPlekKiezenAndRemovedWithoutScriptKeepingEverythingTyped() throws Exception {
        String added = mvc.perform(typedIn("pupil-1|gezin-1").param("actie", "markering-toevoegen").param("nieuwePlek", "ARM").param("nieuwAanzicht", "FRONT")
                        .param("nieuweZijde", "LEFT"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(added).contains("Markering 1", "Plek kiezen", "<option value=\"ARM\" selected=\"selected\">arm</option>",
                "<option value=\"LEFT\" selected=\"selected\">Links</option>", "arm links, voorkant", "meldspoor-bodymap__dot",
                "Voorkant van het kind, markeringen 1", "Achterkant van het kind, zonder markeringen",
                ">Ze zei: papa slaat me</textarea>", "value=\"gymzaal\"", "value=\"key-1\"", "Markering 1 verwijderen");
        assertThat(services.recorded).isEmpty();

        String removed = mvc.perform(typedIn("pupil-1|gezin-1").param("verwijder", "0").param("markeringen[0].plek", "ARM").param("markeringen[0].aanzicht", "FRONT")
                        .param("markeringen[0].zijde", "LEFT").param("markeringen[1].plek", "FOOT").param("markeringen[1].aanzicht", "BACK")
                        .param("markeringen[1].zijde", "RIGHT").param("markeringen[1].soort", "BURN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(removed).contains("Markering 1", "voet rechts, achterkant", "brandwond", ">Ze zei: papa slaat me</textarea>")
                .doesNotContain("Markering 2", "arm links, voorkant");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void theMarksAreSentAsTheBodyMapInTheServiceCodesAndAnEmptyRowIsLeftOut() throws Exception {
        mvc.perform(filledIn()
                        .param("markeringen[0].plek", "ARM").param("markeringen[0].aanzicht", "FRONT").param("markeringen[0].zijde", "LEFT")
                        .param("markeringen[0].soort", "BRUISE").param("markeringen[0].grootte", "2,5").param("markeringen[0].kleur", "BLUE")
                        .param("markeringen[0].omschrijving", "blauwe plek boven de elleboog")
                        .param("markeringen[1].plek", "").param("markeringen[1].aanzicht", "FRONT"))
                .andExpect(redirectedUrl("/signalen/vastgelegd"));

        Map<String, Object> mark = new java.util.LinkedHashMap<>();
        mark.put("region", "ARM");
        mark.put("view", "FRONT");
        mark.put("side", "LEFT");
        mark.put("kind", "BRUISE");
        mark.put("sizeCm", 2.5);
        mark.put("colour", "BLUE");
        mark.put("description", "blauwe plek boven de elleboog");
        assertThat(services.recorded.get(0).recording().get("bodyMap")).isEqualTo(List.of(mark));
    }

    @Test
    void aSignalWithoutMarksSendsNoBodyMap() throws Exception {
        mvc.perform(filledIn()).andExpect(redirectedUrl("/signalen/vastgelegd"));
        assertThat(services.recorded.get(0).recording()).doesNotContainKey("bodyMap");
    }

    @Test
    void aBodyMapRefusalAppearsNextToThatMarksFieldWithTheMarksKept() throws Exception {
        services.signalRefusal = new ServiceRefusal(422, "BODY_MARK_SIDE_REQUIRED", "Kies links of rechts.",
                List.of(new ServiceRefusal.FieldError("bodyMap[0].side", "Kies links of rechts, vanuit het kind gezien.")));

        // the first row is empty and not sent, so the service's bodyMap[0] is the form's second mark
        String page = mvc.perform(filledIn().param("markeringen[0].plek", "").param("markeringen[0].aanzicht", "FRONT")
                        .param("markeringen[1].plek", "HAND").param("markeringen[1].aanzicht", "BACK").param("markeringen[1].soort", "SCRATCH")
                        .param("markeringen[1].omschrijving", "drie krassen"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fout: Signaal vastleggen", "href=\"#markeringen1.zijde\"", "Kies links of rechts, vanuit het kind gezien.",
                "<option value=\"HAND\" selected=\"selected\">hand</option>", "value=\"drie krassen\"", "krab",
                ">Ze zei: papa slaat me</textarea>");
        int error = page.indexOf("id=\"markeringen1.zijde\"");
        assertThat(page.lastIndexOf("Kies links of rechts, vanuit het kind gezien.", error)).isGreaterThan(page.indexOf("Markering 2"));
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void aSizeThatIsNoNumberIsRefusedBeforeSendingAndKept() throws Exception {
        String page = mvc.perform(filledIn().param("markeringen[0].plek", "HEAD").param("markeringen[0].aanzicht", "FRONT")
                        .param("markeringen[0].soort", "SWELLING").param("markeringen[0].grootte", "twee"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#markeringen0.grootte\"", "Vul de grootte in als getal in cm, bijvoorbeeld 2,5.", "value=\"twee\"");
        assertThat(services.recorded).isEmpty();
    }

    @Test
    void theBodyMapHasBothFiguresAndPlekKiezenButNoPhotoNoCameraAndNoDateOfInjury() throws Exception {
        String form = mvc.perform(get("/signalen/nieuw").with(teacher())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Lichaamskaart", "Voorkant", "Achterkant", "id=\"figuur-FRONT\"", "id=\"figuur-BACK\"",
                "data-plek=\"SHOULDER\"", "Markering toevoegen", "/js/lichaamskaart.js", "vanuit het kind gezien");
        assertThat(form).doesNotContain("type=\"file\"", "capture", "accept=\"image");

        String withMark = mvc.perform(typedIn("pupil-1|gezin-1").param("actie", "markering-toevoegen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(withMark).contains("hoofd", "gezicht", "hals", "schouder", "borst", "buik", "rug", "billen", "arm", "hand", "been", "voet",
                "blauwe plek", "schaafwond", "krab", "snee", "brandwond", "bijtafdruk", "zwelling", "anders", "Grootte in cm", "Kleur");
        assertThat(withMark).doesNotContain("type=\"file\"", "capture", "Datum van het letsel");
    }

    @Test
    void addingAMarkWithoutACsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/signalen/nieuw").with(teacher()).param("actie", "markering-toevoegen")).andExpect(status().isForbidden());
    }

    @Test
    void afterSavingATeacherLearnsOnlyThatThereIsHistoryAndWhomToTalkTo() throws Exception {
        services.lookBack = new RecordedSignal.LookBack(true, false,
                "Er zijn eerder signalen vastgelegd over deze leerling of over broers en zussen op deze school. Bespreek dit met de intern begeleider of de aandachtsfunctionaris.",
                null, null);
        jakarta.servlet.http.Cookie session = mvc.perform(filledIn()).andExpect(redirectedUrl("/signalen/vastgelegd")).andReturn().getResponse().getCookie("MELDSPOOR_SESSION");

        String page = mvc.perform(get("/signalen/vastgelegd").with(teacher()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Eerdere signalen", "Bespreek dit met de intern begeleider of de aandachtsfunctionaris.",
                "Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.",
                "Ga nu naar de IB'er of aandachtsfunctionaris.")
                .doesNotContain("Van deze leerling", "Open het zorglogboek");
    }

    @Test
    void afterSavingWhoReadsTheSchoolsSignalsSeesEarlierAndSiblingSignalsWithoutTheirText() throws Exception {
        services.lookBack = new RecordedSignal.LookBack(true, true, null,
                List.of(new RecordedSignal.Summary("signal-0", "pupil-1", java.time.Instant.parse("2026-11-03T09:00:00Z"), "BULLYING", false, true, "case-7")),
                List.of(new RecordedSignal.Summary("signal-9", "pupil-4", java.time.Instant.parse("2026-10-01T09:00:00Z"), "HOME_SITUATION", true, false, null)));
        jakarta.servlet.http.Cookie session = mvc.perform(filledIn()).andExpect(redirectedUrl("/signalen/vastgelegd")).andReturn().getResponse().getCookie("MELDSPOOR_SESSION");

        String page = mvc.perform(get("/signalen/vastgelegd").with(teacher()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Van deze leerling", "3 november 2026 om 10:00", "Pesten", "Gecorrigeerd.", "href=\"/dossiers/case-7\"",
                "Van broers en zussen op deze school", "1 oktober 2026", "Thuissituatie", "href=\"/leerlingen/pupil-1/zorglogboek\"")
                .doesNotContain("pupil-4");
    }

    @Test
    void afterSavingWithoutHistoryThePageSaysSo() throws Exception {
        services.lookBack = new RecordedSignal.LookBack(false, false, null, null, null);
        jakarta.servlet.http.Cookie session = mvc.perform(filledIn()).andExpect(redirectedUrl("/signalen/vastgelegd")).andReturn().getResponse().getCookie("MELDSPOOR_SESSION");
        String page = mvc.perform(get("/signalen/vastgelegd").with(teacher()).cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Er zijn geen eerdere signalen over deze leerling of over broers en zussen op deze school.");
    }

    @Test
    void anUnauthenticatedVisitorIsSentToSignIn() throws Exception {
        mvc.perform(get("/signalen/nieuw")).andExpect(redirectedUrl("http://localhost/oauth2/authorization/meldspoor"));
    }
}
