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

/** "Mijn signalen", the zorglogboek and "Opschalen" through the whole web stack, with the signal-service faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class PupilFilePageTest {

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
        PupilFile.Content recorded = new PupilFile.Content(Instant.parse("2026-12-01T09:15:00Z"), "gymzaal", "omkleden voor gym",
                List.of(new PupilFile.Statement("Ze zei: papa slaat me", "FACT", "OWN_OBSERVATION", null),
                        new PupilFile.Statement("Ik denk dat ze bang is", "INTERPRETATION", "OWN_OBSERVATION", null)),
                List.of("J.D."), "HOME_SITUATION", List.of("DISCLOSURE"));
        PupilFile.Content now = new PupilFile.Content(Instant.parse("2026-12-01T09:15:00Z"), "kleedkamer", "omkleden voor gym",
                recorded.statements(), List.of("J.D."), "HOME_SITUATION", List.of("DISCLOSURE"));
        PupilFile.Signal signal = new PupilFile.Signal("signal-1", "school-a", "gezin-1", Instant.parse("2026-12-01T09:30:00Z"),
                new PupilFile.Actor("lk-a", "TEACHER"), true, recorded, now,
                List.of(new PupilFile.Mark("ARM", "FRONT", "LEFT", "BRUISE", 2.5, "BLUE", "boven de elleboog")),
                List.of(new PupilFile.Correction(Instant.parse("2026-12-01T11:00:00Z"), new PupilFile.Actor("lk-a", "TEACHER"),
                        "Het was de kleedkamer", null, now)),
                List.of(new PupilFile.ParentViewEntry(Instant.parse("2026-12-03T10:00:00Z"), new PupilFile.Actor("ib-a", "CARE_COORDINATOR"),
                        new PupilFile.ParentView("moeder", LocalDate.of(2026, 12, 3), "Ze is van de fiets gevallen."))),
                List.of(new PupilFile.Request("request-1", Instant.parse("2026-12-04T10:00:00Z"),
                        new PupilFile.CorrectionRequest("vader", LocalDate.of(2026, 12, 4), true, "Haal de tweede zin weg."),
                        LocalDate.of(2027, 1, 1), false, null, false)),
                List.of());
        services.files.put("pupil-1", new PupilFile("pupil-1", 4, List.of(signal)));
    }

    private OidcLoginRequestPostProcessor as(String person) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    private void careCoordinator() {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
    }

    @Test
    void aTeacherFindsHerSignalsAsRecordedAndAsTheyReadNowWithTheBodyMapAsATableButCannotEscalate() throws Exception {
        String search = mvc.perform(get("/signalen").param("naam", "San").with(as("lk-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(search).contains("Mijn signalen", "href=\"/leerlingen/pupil-1/zorglogboek\"", "Sanne de Vries (groep 4)");

        String file = mvc.perform(get("/leerlingen/pupil-1/zorglogboek").with(as("lk-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("Signaal van 1 december 2026 om 10:15", "Urgent", "Gecorrigeerd", "kleedkamer", "Zoals het eerst is vastgelegd",
                "gymzaal", "Het was de kleedkamer", "Feit:", "Ze zei: papa slaat me", "meldspoor-interpretation", "Ik denk dat ze bang is",
                "Vastgelegd door lk-a (leerkracht) op 1 december 2026 om 10:30", "Lichaamskaart", "arm links, voorkant", "blauwe plek", "2,5 cm",
                "blauw", "boven de elleboog", "Zienswijze van de ouders", "Ze is van de fiets gevallen.", "Verzoeken tot correctie",
                "Antwoord uiterlijk 1 januari 2027")
                .doesNotContain("Kies dit signaal om op te schalen", ">Opschalen</button>");
    }

    @Test
    void theCareCoordinatorSelectsSignalsAndEscalatesWithTheTeamAndIsToldTheCaseIsBeingOpened() throws Exception {
        careCoordinator();
        String file = mvc.perform(get("/leerlingen/pupil-1/zorglogboek").with(as("ib-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(file).contains("Zorglogboek", "Kies dit signaal om op te schalen", "name=\"signaal\"", "value=\"signal-1\"", ">Opschalen</button>");

        String form = mvc.perform(get("/leerlingen/pupil-1/opschalen").param("signaal", "signal-1").with(as("ib-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Opschalen", "1 signaal gekozen.", "value=\"ib-a\"", "value=\"school-a\"", "name=\"_csrf\"");

        mvc.perform(post("/leerlingen/pupil-1/opschalen").with(as("ib-a")).with(csrf()).param("sleutel", "key-9").param("signalen", "signal-1")
                        .param("zorg", "Onthulling in de gymzaal").param("casemanager", "ib-a").param("aandachtsfunctionaris", "af-a")
                        .param("aandachtsfunctionarisSchool", "school-a").param("directeur", "dir-a"))
                .andExpect(redirectedUrl("/leerlingen/pupil-1/opgeschaald?dossier=case-1"));
        FakeServices.Escalated escalated = services.escalated.get(0);
        assertThat(escalated.idempotencyKey()).isEqualTo("key-9");
        assertThat(escalated.escalation()).containsEntry("schoolId", "school-a").containsEntry("signalIds", List.of("signal-1"))
                .containsEntry("concern", "Onthulling in de gymzaal")
                .containsEntry("team", Map.of("casemanagerId", "ib-a", "advisorId", "af-a", "advisorSchoolId", "school-a", "principalId", "dir-a"));

        String waiting = mvc.perform(get("/leerlingen/pupil-1/opgeschaald").param("dossier", "case-1").with(as("ib-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(waiting).contains("Het dossier meldcode wordt geopend", "href=\"/dossiers/case-1\"");
    }

    @Test
    void anEscalationRefusalAppearsNextToItsFieldWithEverythingTypedKept() throws Exception {
        careCoordinator();
        services.escalationRefusal = new ServiceRefusal(422, "INVALID_INPUT", "Ongeldige invoer",
                List.of(new ServiceRefusal.FieldError("team.principalId", "mag niet leeg zijn")));
        String page = mvc.perform(post("/leerlingen/pupil-1/opschalen").with(as("ib-a")).with(csrf()).param("sleutel", "key-9")
                        .param("signalen", "signal-1").param("zorg", "Onthulling in de gymzaal").param("casemanager", "ib-a")
                        .param("aandachtsfunctionaris", "af-a").param("aandachtsfunctionarisSchool", "school-a").param("directeur", ""))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Fout: Opschalen", "href=\"#directeur\"", "mag niet leeg zijn", ">Onthulling in de gymzaal</textarea>",
                "value=\"af-a\"", "value=\"signal-1\"", "value=\"key-9\"");
        assertThat(services.escalated).isEmpty();
    }

    @Test
    void escalatingWithoutAChosenSignalSaysSoOnTheZorglogboek() throws Exception {
        careCoordinator();
        String page = mvc.perform(get("/leerlingen/pupil-1/opschalen").with(as("ib-a")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<title>Fout: Zorglogboek", "href=\"#signalen\"", "Kies een of meer signalen om op te schalen.");
    }

    @Test
    void escalatingWithoutACsrfTokenIsRefusedAndNothingIsSent() throws Exception {
        careCoordinator();
        mvc.perform(post("/leerlingen/pupil-1/opschalen").with(as("ib-a")).param("signalen", "signal-1").param("zorg", "x"))
                .andExpect(status().isForbidden());
        assertThat(services.escalated).isEmpty();
    }

    @Test
    void aFileThePersonMayNotReadLooksLikeOneThatDoesNotExist() throws Exception {
        mvc.perform(get("/leerlingen/pupil-9/zorglogboek").with(as("lk-a"))).andExpect(status().isNotFound());
    }

    @Test
    void vandaagShowsTheCareCoordinatorTheUrgentBannerUntilTheAlertIsMarkedReadButNotTheTeacher() throws Exception {
        services.notifications.add(new nl.meldspoor.web.services.Inbox.Item("n-1", "URGENT_SIGNAL", "school-a", "leerling pupil-1, signaal signal-1",
                "Urgent signaal: neem nu contact op met Veilig Thuis", "tekst", Instant.parse("2026-12-01T09:31:00Z"), false, null));
        String teacher = mvc.perform(get("/").with(as("lk-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(teacher).doesNotContain("id=\"urgent\"");

        careCoordinator();
        String today = mvc.perform(get("/").with(as("ib-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(today).contains("id=\"urgent\"", "Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.",
                "href=\"/leerlingen/pupil-1/zorglogboek\"", "Zorglogboek van een leerling").doesNotContain("eerst met ouders");

        services.markedRead.add("n-1");
        String handled = mvc.perform(get("/").with(as("ib-a"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(handled).doesNotContain("id=\"urgent\"");
    }
}
