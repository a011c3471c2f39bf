package nl.meldspoor.web.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
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

/** "Personeel" (screen 19) for the board's administrator, with the case-service's staff directory faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class StaffPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeStaffAdministration staff;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        services.reset();
        staff.reset();
    }

    private OidcLoginRequestPostProcessor signedIn(String person) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn("beheer-bestuur"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theAdministratorWhomTheServicesGiveNoRoleStillHasVandaagWithTheLinkToPersoneel() throws Exception {
        // the services answer the administrator's /api/me with 403: it holds no school role
        services.refusal = new ServiceRefusal(403, "NOT_STAFF", "Geen medewerker", List.of());
        String today = page("/");
        assertThat(today).contains("href=\"/personeel\"", "Je hebt vandaag geen rol op een school.");

        services.refusal = null;
        assertThat(mvc.perform(get("/").with(signedIn("lk-a"))).andReturn().getResponse().getContentAsString()).doesNotContain("href=\"/personeel\"");
    }

    @Test
    void toAnyoneTheServiceDoesNotLetAdministerThePagesDoNotExist() throws Exception {
        for (String path : List.of("/personeel", "/personeel?persoon=lk-a", "/personeel/lk-a/rollen/TEACHER/school-a/intrekken")) {
            mvc.perform(get(path).with(signedIn("dir-a"))).andExpect(status().isNotFound());
        }
        mvc.perform(post("/personeel/rollen").with(signedIn("dir-a")).with(csrf()).param("persoon", "lk-b").param("rol", "PRINCIPAL").param("plaats", "school-b"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/personeel/lk-a/rollen/TEACHER/school-a/intrekken").with(signedIn("dir-a")).with(csrf())).andExpect(status().isNotFound());
        assertThat(staff.changes).isEmpty();
    }

    @Test
    void theAdministratorSeesWhoHoldsWhichRoleAtAPlaceAndThePersonsRoles() throws Exception {
        assertThat(page("/personeel?plaats=school-a")).contains("Medewerkers van school-a", "/personeel?persoon=lk-a", "leerkracht");
        assertThat(page("/personeel?persoon=lk-a")).contains("Rollen van lk-a", "leerkracht", "geen einddatum",
                "/personeel/lk-a/rollen/TEACHER/school-a/intrekken");
    }

    @Test
    void grantingARoleSendsItToTheServiceAndShowsThePersonsRoles() throws Exception {
        mvc.perform(post("/personeel/rollen").with(signedIn("beheer-bestuur")).with(csrf())
                        .param("persoon", "lk-b").param("rol", "AUDITOR").param("plaats", "school-b").param("einddatum", "2027-03-01"))
                .andExpect(redirectedUrl("/personeel?persoon=lk-b"));
        assertThat(staff.changes).containsExactly("grant lk-b AUDITOR school-b 2027-03-01");
        assertThat(page("/personeel?persoon=lk-b")).contains("auditor", "maandag 1 maart 2027");
    }

    @Test
    void anAuditorsRoleWithoutEndDateIsRefusedNextToTheEndDateWithEverythingTypedKept() throws Exception {
        staff.refusal = new ServiceRefusal(422, "AUDITOR_NEEDS_END_DATE", "Toegang voor kwaliteitszorg of inspectie is tijdelijk: geef een einddatum op.",
                List.of(new ServiceRefusal.FieldError("validUntil", "Toegang voor kwaliteitszorg of inspectie is tijdelijk: geef een einddatum op.")));
        String refused = mvc.perform(post("/personeel/rollen").with(signedIn("beheer-bestuur")).with(csrf())
                        .param("persoon", "lk-b").param("rol", "AUDITOR").param("plaats", "board"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("<title>Fout: Personeel – Meldspoor</title>", "href=\"#einddatum\"", "geef een einddatum op.",
                "value=\"lk-b\"", "value=\"board\"", "<option value=\"AUDITOR\" selected=\"selected\">auditor</option>");
        assertThat(staff.changes).isEmpty();
    }

    @Test
    void aGrantWithoutRoleOrPlaceIsRefusedBeforeTheService() throws Exception {
        String refused = mvc.perform(post("/personeel/rollen").with(signedIn("beheer-bestuur")).with(csrf()).param("persoon", "lk-b"))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Kies een rol.", "href=\"#rol\"", "href=\"#plaats\"");
        assertThat(staff.changes).isEmpty();
    }

    @Test
    void changesWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/personeel/rollen").with(signedIn("beheer-bestuur")).param("persoon", "lk-b").param("rol", "TEACHER").param("plaats", "school-b"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/personeel/lk-a/rollen/TEACHER/school-a/intrekken").with(signedIn("beheer-bestuur"))).andExpect(status().isForbidden());
        assertThat(staff.changes).isEmpty();
    }

    @Test
    void revokingIsCheckedFirstThenSentToTheService() throws Exception {
        assertThat(page("/personeel/lk-a/rollen/TEACHER/school-a/intrekken")).contains("Controleer en bevestig: rol intrekken", "leerkracht", "school-a");
        assertThat(staff.changes).isEmpty();

        mvc.perform(post("/personeel/lk-a/rollen/TEACHER/school-a/intrekken").with(signedIn("beheer-bestuur")).with(csrf()))
                .andExpect(redirectedUrl("/personeel?persoon=lk-a"));
        assertThat(staff.changes).containsExactly("revoke lk-a TEACHER school-a");
    }

    @Test
    void revokingARoleThePersonDoesNotHoldShowsTheServicesReason() throws Exception {
        staff.refusal = new ServiceRefusal(409, "NOT_GRANTED", "Deze persoon heeft deze rol hier niet.", List.of());
        String refused = mvc.perform(post("/personeel/lk-a/rollen/PRINCIPAL/school-a/intrekken").with(signedIn("beheer-bestuur")).with(csrf()))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Fout: Controleer: rol intrekken", "Deze persoon heeft deze rol hier niet.");
    }
}
