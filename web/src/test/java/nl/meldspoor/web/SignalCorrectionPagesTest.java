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
import java.util.Map;
import nl.meldspoor.web.services.Pupil;
import nl.meldspoor.web.services.PupilFile;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The forms at a signal in the zorglogboek through the whole web stack, with the signal-service faked: "Signaal
 * corrigeren", "Zienswijze van ouders toevoegen", "Verzoek om correctie vastleggen" and "Verzoek beantwoorden".
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class SignalCorrectionPagesTest {

    private static final PupilFile.Actor RECORDER = new PupilFile.Actor("lk-a", "TEACHER");

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void file() {
        services.reset();
        services.pupils.add(new Pupil("pupil-1", "school-a", "Sanne", "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-1", false));
        services.files.put("pupil-1", file(List.of()));
    }

    private static PupilFile file(List<PupilFile.Correction> corrections) {
        PupilFile.Content recorded = new PupilFile.Content(Instant.parse("2026-12-01T09:15:00Z"), "gymzaal", "omkleden voor gym",
                List.of(new PupilFile.Statement("Ze zei: papa slaat me", "FACT", "OWN_OBSERVATION", null),
                        new PupilFile.Statement("De moeder van een klasgenoot zag het ook", "FACT", "THIRD_PARTY",
                                new PupilFile.Source("moeder van klasgenoot", true))),
                List.of("J.D."), "HOME_SITUATION", List.of("DISCLOSURE"), List.of("HOME-1"), RECORDER);
        PupilFile.Content now = corrections.isEmpty() ? recorded : corrections.get(corrections.size() - 1).content();
        PupilFile.Signal signal = new PupilFile.Signal("signal-1", "school-a", "gezin-1", Instant.parse("2026-12-01T09:30:00Z"),
                RECORDER, true, recorded, now, List.of(), corrections, List.of(),
                List.of(new PupilFile.Request("request-1", Instant.parse("2026-12-04T10:00:00Z"),
                        new PupilFile.CorrectionRequest("vader", LocalDate.of(2026, 12, 4), true, "Haal de tweede zin weg."),
                        LocalDate.of(2027, 1, 1), false, null, false)),
                List.of());
        return new PupilFile("pupil-1", 4, List.of(signal));
    }

    private OidcLoginRequestPostProcessor as(String person) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    private void careCoordinator() {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The correction form as the browser sends it back: the prefilled content with the place changed. */
    private MockHttpServletRequestBuilder correction(String reason) {
        return post("/leerlingen/pupil-1/signalen/signal-1/corrigeren").with(as("lk-a")).param("sleutel", "key-c")
                .param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "kleedkamer").param("situatie", "omkleden voor gym")
                .param("categorie", "HOME_SITUATION")
                .param("uitspraken[0].tekst", "Ze zei: papa slaat me").param("uitspraken[0].soort", "FACT").param("uitspraken[0].herkomst", "OWN_OBSERVATION")
                .param("uitspraken[1].tekst", "De moeder van een klasgenoot zag het ook").param("uitspraken[1].soort", "FACT")
                .param("uitspraken[1].herkomst", "THIRD_PARTY").param("uitspraken[1].bron", "moeder van klasgenoot").param("uitspraken[1].toestemming", "true")
                .param("uitspraken[2].tekst", "").param("uitspraken[2].soort", "FACT").param("uitspraken[2].herkomst", "OWN_OBSERVATION")
                .param("aanwezig", "J.D.").param("vlaggen", "DISCLOSURE").param("indicatoren", "HOME-1")
                .param("vastgelegdDoor", "lk-a").param("vastgelegdAls", "TEACHER").param("reden", reason);
    }

    @Test
    void theTeacherCorrectsHerSignalFromAFormPrefilledWithItAndTheZorglogboekShowsTheNewVersionWithTheOriginal() throws Exception {
        String file = page(get("/leerlingen/pupil-1/zorglogboek").with(as("lk-a")));
        assertThat(file).contains("href=\"/leerlingen/pupil-1/signalen/signal-1/corrigeren\"", "Signaal corrigeren")
                .doesNotContain("Verzoek beantwoorden", "Zienswijze van ouders toevoegen");

        String form = page(get("/leerlingen/pupil-1/signalen/signal-1/corrigeren").with(as("lk-a")));
        assertThat(form).contains("Signaal corrigeren", "value=\"gymzaal\"", "value=\"2026-12-01\"", "value=\"10:15\"", ">Ze zei: papa slaat me</textarea>",
                "value=\"moeder van klasgenoot\"", "value=\"J.D.\"", "value=\"DISCLOSURE\"", "value=\"HOME-1\"", "Waarom corrigeer je dit?", "name=\"_csrf\"");

        mvc.perform(correction("Het was de kleedkamer").with(csrf())).andExpect(redirectedUrl("/leerlingen/pupil-1/zorglogboek"));
        FakeServices.SignalCommand sent = services.signalCommands.get(0);
        assertThat(sent.kind()).isEqualTo("corrections");
        assertThat(sent.signalId()).isEqualTo("signal-1");
        assertThat(sent.idempotencyKey()).isEqualTo("key-c");
        assertThat(sent.body()).containsEntry("reason", "Het was de kleedkamer");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) sent.body().get("correctedContent");
        assertThat(content).containsEntry("observedAt", "2026-12-01T09:15:00Z").containsEntry("place", "kleedkamer")
                .containsEntry("situation", "omkleden voor gym").containsEntry("category", "HOME_SITUATION")
                .containsEntry("othersPresent", List.of("J.D.")).containsEntry("flags", List.of("DISCLOSURE"))
                .containsEntry("indicatorCodes", List.of("HOME-1")).containsEntry("recordedBy", Map.of("personId", "lk-a", "role", "TEACHER"))
                .containsEntry("statements", List.of(
                        Map.of("text", "Ze zei: papa slaat me", "kind", "FACT", "origin", "OWN_OBSERVATION"),
                        Map.of("text", "De moeder van een klasgenoot zag het ook", "kind", "FACT", "origin", "THIRD_PARTY",
                                "source", Map.of("description", "moeder van klasgenoot", "consentToRecording", true))));

        PupilFile.Content was = services.files.get("pupil-1").signals().get(0).original();
        PupilFile.Content corrected = new PupilFile.Content(was.observedAt(), "kleedkamer", was.situation(), was.statements(), was.othersPresent(),
                was.category(), was.flags(), was.indicatorCodes(), RECORDER);
        services.files.put("pupil-1", file(List.of(new PupilFile.Correction(Instant.parse("2026-12-01T11:00:00Z"), RECORDER,
                "Het was de kleedkamer", null, corrected))));
        String after = page(get("/leerlingen/pupil-1/zorglogboek").with(as("lk-a")));
        assertThat(after).contains("Gecorrigeerd", "kleedkamer", "Zoals het eerst is vastgelegd", "Waar: gymzaal", "Het was de kleedkamer");
    }

    @Test
    void aRefusedCorrectionAppearsNextToItsFieldWithEverythingTypedKept() throws Exception {
        services.signalCommandRefusal = new ServiceRefusal(422, "SIGNAL_FIELD_REQUIRED", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("correctedContent.statements[1].source", "Noem de bron van wat een ander vertelde."),
                        new ServiceRefusal.FieldError("reason", "Geef een reden voor de correctie.")));
        String page = mvc.perform(correction("").with(csrf())).andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Fout: Signaal corrigeren", "href=\"#uitspraken1.bron\"", "Noem de bron van wat een ander vertelde.",
                "href=\"#reden\"", "Geef een reden voor de correctie.", "value=\"kleedkamer\"", "value=\"key-c\"", "value=\"HOME-1\"",
                ">De moeder van een klasgenoot zag het ook</textarea>");
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void aCorrectionWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        mvc.perform(correction("Het was de kleedkamer")).andExpect(status().isForbidden());
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void theCareCoordinatorAddsTheParentsView() throws Exception {
        careCoordinator();
        String file = page(get("/leerlingen/pupil-1/zorglogboek").with(as("ib-a")));
        assertThat(file).contains("href=\"/leerlingen/pupil-1/signalen/signal-1/zienswijze\"", "Zienswijze van ouders toevoegen", "Signaal corrigeren");
        assertThat(page(get("/leerlingen/pupil-1/signalen/signal-1/zienswijze").with(as("ib-a"))))
                .contains("Zienswijze van ouders toevoegen", "Van wie is de zienswijze?", "name=\"_csrf\"");

        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/zienswijze").with(as("ib-a")).with(csrf()).param("sleutel", "key-z")
                        .param("ingediendDoor", "moeder").param("ontvangenOp", "2026-12-03").param("zienswijze", "Ze is van de fiets gevallen."))
                .andExpect(redirectedUrl("/leerlingen/pupil-1/zorglogboek"));
        FakeServices.SignalCommand sent = services.signalCommands.get(0);
        assertThat(sent.kind()).isEqualTo("parent-views");
        assertThat(sent.idempotencyKey()).isEqualTo("key-z");
        assertThat(sent.body()).isEqualTo(Map.of("submittedBy", "moeder", "receivedOn", "2026-12-03", "view", "Ze is van de fiets gevallen."));
    }

    @Test
    void aRefusedParentsViewAppearsNextToItsFieldWithEverythingTypedKept() throws Exception {
        careCoordinator();
        services.signalCommandRefusal = new ServiceRefusal(422, "INVALID_INPUT", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("receivedOn", "mag niet in de toekomst liggen")));
        String page = mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/zienswijze").with(as("ib-a")).with(csrf()).param("sleutel", "key-z")
                        .param("ingediendDoor", "moeder").param("ontvangenOp", "2027-03-01").param("zienswijze", "Ze is van de fiets gevallen."))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Fout: Zienswijze van ouders toevoegen", "href=\"#ontvangenOp\"", "mag niet in de toekomst liggen",
                "value=\"2027-03-01\"", "value=\"moeder\"", ">Ze is van de fiets gevallen.</textarea>", "value=\"key-z\"");
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void aParentsViewWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        careCoordinator();
        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/zienswijze").with(as("ib-a")).param("zienswijze", "x"))
                .andExpect(status().isForbidden());
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void theCareCoordinatorRecordsTheParentsWrittenCorrectionRequest() throws Exception {
        careCoordinator();
        services.files.put("pupil-1", withoutRequests(services.files.get("pupil-1")));
        String file = page(get("/leerlingen/pupil-1/zorglogboek").with(as("ib-a")));
        assertThat(file).contains("href=\"/leerlingen/pupil-1/signalen/signal-1/verzoek\"", "Verzoek om correctie vastleggen")
                .doesNotContain("Verzoek beantwoorden");
        assertThat(page(get("/leerlingen/pupil-1/signalen/signal-1/verzoek").with(as("ib-a"))))
                .contains("Verzoek om correctie vastleggen", "binnen vier weken", "name=\"_csrf\"");

        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoek").with(as("ib-a")).with(csrf()).param("sleutel", "key-v")
                        .param("verzochtDoor", "vader").param("ontvangenOp", "2026-12-04").param("schriftelijk", "true")
                        .param("verzoek", "Haal de tweede zin weg."))
                .andExpect(redirectedUrl("/leerlingen/pupil-1/zorglogboek"));
        FakeServices.SignalCommand sent = services.signalCommands.get(0);
        assertThat(sent.kind()).isEqualTo("correction-requests");
        assertThat(sent.idempotencyKey()).isEqualTo("key-v");
        assertThat(sent.body()).isEqualTo(Map.of("requestedBy", "vader", "receivedOn", "2026-12-04", "inWriting", true,
                "request", "Haal de tweede zin weg."));
    }

    @Test
    void aRequestNotMadeInWritingIsRefusedNextToTheCheckboxWithEverythingTypedKept() throws Exception {
        careCoordinator();
        services.signalCommandRefusal = new ServiceRefusal(422, "WRITTEN_REQUEST_REQUIRED", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("inWriting", "Een verzoek tot correctie moet schriftelijk zijn gedaan.")));
        String page = mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoek").with(as("ib-a")).with(csrf()).param("sleutel", "key-v")
                        .param("verzochtDoor", "vader").param("ontvangenOp", "2026-12-04").param("verzoek", "Haal de tweede zin weg."))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Fout: Verzoek om correctie vastleggen", "href=\"#schriftelijk\"",
                "Een verzoek tot correctie moet schriftelijk zijn gedaan.", "value=\"vader\"", ">Haal de tweede zin weg.</textarea>", "value=\"key-v\"");
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void aCorrectionRequestWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        careCoordinator();
        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoek").with(as("ib-a")).param("verzoek", "x"))
                .andExpect(status().isForbidden());
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void theCareCoordinatorGrantsAnOpenRequestBeforeItsFourWeekDeadlineWithTheCorrectedContent() throws Exception {
        careCoordinator();
        String file = page(get("/leerlingen/pupil-1/zorglogboek").with(as("ib-a")));
        assertThat(file).contains("href=\"/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden\"", "Antwoord uiterlijk 1 januari 2027")
                .doesNotContain("Verzoek om correctie vastleggen");
        assertThat(page(get("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a"))))
                .contains("Verzoek beantwoorden", "Haal de tweede zin weg.", "Antwoord uiterlijk 1 januari 2027", "value=\"gymzaal\"", "name=\"_csrf\"");

        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a")).with(csrf())
                        .param("sleutel", "key-a").param("besluit", "INWILLIGEN").param("uitleg", "De tweede zin is weggehaald.")
                        .param("beantwoordOp", "2026-12-10")
                        .param("datum", "2026-12-01").param("tijd", "10:15").param("plaats", "gymzaal").param("situatie", "omkleden voor gym")
                        .param("categorie", "HOME_SITUATION").param("uitspraken[0].tekst", "Ze zei: papa slaat me").param("uitspraken[0].soort", "FACT")
                        .param("uitspraken[0].herkomst", "OWN_OBSERVATION").param("uitspraken[1].tekst", "").param("aanwezig", "J.D.")
                        .param("vlaggen", "DISCLOSURE").param("indicatoren", "HOME-1").param("vastgelegdDoor", "lk-a").param("vastgelegdAls", "TEACHER"))
                .andExpect(redirectedUrl("/leerlingen/pupil-1/zorglogboek"));
        FakeServices.SignalCommand sent = services.signalCommands.get(0);
        assertThat(sent.kind()).isEqualTo("answer");
        assertThat(sent.requestId()).isEqualTo("request-1");
        assertThat(sent.idempotencyKey()).isEqualTo("key-a");
        assertThat(sent.body()).containsEntry("granted", true).containsEntry("explanation", "De tweede zin is weggehaald.")
                .containsEntry("answeredOn", "2026-12-10");
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) sent.body().get("correctedContent");
        assertThat(content).containsEntry("place", "gymzaal")
                .containsEntry("statements", List.of(Map.of("text", "Ze zei: papa slaat me", "kind", "FACT", "origin", "OWN_OBSERVATION")));
    }

    @Test
    void refusingARequestSendsNoContentAndAnAnswerWithoutAChoiceIsNotSent() throws Exception {
        careCoordinator();
        String unchosen = mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a")).with(csrf())
                        .param("sleutel", "key-a").param("uitleg", "De tekst klopt.").param("beantwoordOp", "2026-12-10").param("plaats", "gymzaal"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(unchosen).contains("<title>Fout: Verzoek beantwoorden", "href=\"#besluit\"", "Kies of je het verzoek inwilligt of afwijst.",
                ">De tekst klopt.</textarea>", "value=\"2026-12-10\"");
        assertThat(services.signalCommands).isEmpty();

        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a")).with(csrf())
                        .param("sleutel", "key-a").param("besluit", "AFWIJZEN").param("uitleg", "De tekst klopt.").param("beantwoordOp", "2026-12-10")
                        .param("plaats", "gymzaal"))
                .andExpect(redirectedUrl("/leerlingen/pupil-1/zorglogboek"));
        Map<String, Object> body = services.signalCommands.get(0).body();
        assertThat(body).containsEntry("granted", false).containsEntry("explanation", "De tekst klopt.").containsEntry("correctedContent", null);
    }

    @Test
    void aRefusedAnswerAppearsNextToItsFieldWithEverythingTypedKept() throws Exception {
        careCoordinator();
        services.signalCommandRefusal = new ServiceRefusal(422, "INVALID_INPUT", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("explanation", "Leg de ouders uit waarom.")));
        String page = mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a")).with(csrf())
                        .param("sleutel", "key-a").param("besluit", "AFWIJZEN").param("uitleg", "").param("beantwoordOp", "2026-12-10")
                        .param("plaats", "gymzaal"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#uitleg\"", "Leg de ouders uit waarom.", "value=\"AFWIJZEN\" id=\"besluit2\" name=\"besluit\" checked=\"checked\"", "value=\"key-a\"",
                "Antwoord uiterlijk 1 januari 2027");
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void anAnswerWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        careCoordinator();
        mvc.perform(post("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-1/beantwoorden").with(as("ib-a"))
                        .param("besluit", "AFWIJZEN").param("uitleg", "x"))
                .andExpect(status().isForbidden());
        assertThat(services.signalCommands).isEmpty();
    }

    @Test
    void aSignalThePersonMayNotReadHasNoFormsLikeOneThatDoesNotExist() throws Exception {
        mvc.perform(get("/leerlingen/pupil-1/signalen/signal-9/corrigeren").with(as("lk-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/leerlingen/pupil-1/signalen/signal-1/verzoeken/request-9/beantwoorden").with(as("lk-a"))).andExpect(status().isNotFound());
    }

    private static PupilFile withoutRequests(PupilFile file) {
        PupilFile.Signal s = file.signals().get(0);
        return new PupilFile(file.pupilRef(), file.version(), List.of(new PupilFile.Signal(s.signalId(), s.schoolId(), s.familyRef(), s.recordedAt(),
                s.recordedBy(), s.urgentPath(), s.original(), s.current(), s.bodyMap(), s.corrections(), s.parentViews(), List.of(),
                s.escalatedToCases())));
    }
}
