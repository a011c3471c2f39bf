package nl.meldspoor.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
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

/** The school's access log (screen 18) for the directeur and the auditor, with the reporting-service faked. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class AccessLogPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeAuditWork audit;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        services.reset();
        services.me = new SignedIn("dir-a", List.of(new StaffRole("PRINCIPAL", "school-a", null)));
        audit.reset();
    }

    private OidcLoginRequestPostProcessor signedIn(String person) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(person));
    }

    @Test
    void theDirecteurFiltersTheSchoolsLogByPersonRecordAndPeriodUpToAndIncludingTheLastDay() throws Exception {
        audit.entries.add(AuditPagesTest.entry("ib-a", "CARE_COORDINATOR", "werken aan het dossier"));
        String log = mvc.perform(get("/toegangslog?persoon=ib-a&kenmerk=case-1&van=2026-11-01&tot=2026-11-30").with(signedIn("dir-a")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(audit.queries).containsExactly(new FakeAuditWork.Query("school-a", "ib-a", "case-1", LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-12-01"), 0, AccessLogPage.PAGE_SIZE));
        assertThat(log).contains("directeur · school-a", "ib-a", "IB&#39;er", "tijdlijn van dossier case-1", "werken aan het dossier",
                "1 december 2026, 13:00", "1 inzage", "value=\"ib-a\"", "value=\"2026-11-30\"");
    }

    @Test
    void aLongLogIsPagedAndTheNextPageKeepsTheFilters() throws Exception {
        audit.entries.add(AuditPagesTest.entry("ib-a", "CARE_COORDINATOR", null));
        audit.totalElements = 60;
        String log = mvc.perform(get("/toegangslog?persoon=ib-a").with(signedIn("dir-a"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(log).contains("Pagina 1 van 3", "Volgende", "pagina=1", "persoon=ib-a").doesNotContain("rel=\"prev\"");

        mvc.perform(get("/toegangslog?persoon=ib-a&pagina=2").with(signedIn("dir-a"))).andExpect(status().isOk());
        assertThat(audit.queries.get(1).page()).isEqualTo(2);
    }

    @Test
    void anUnreadableDateIsRefusedNextToItsFieldWithoutAskingTheService() throws Exception {
        String refused = mvc.perform(get("/toegangslog?van=morgen&tot=2026-11-30").with(signedIn("dir-a")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("<title>Fout: Toegangslog – Meldspoor</title>", "Vul een datum in", "href=\"#van\"", "value=\"morgen\"");
        assertThat(audit.queries).isEmpty();

        String reversed = mvc.perform(get("/toegangslog?van=2026-11-30&tot=2026-11-01").with(signedIn("dir-a")))
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(reversed).contains("De einddatum ligt voor de begindatum.", "href=\"#tot\"");
    }

    @Test
    void aBoardWideAuditorChoosesTheSchoolFirst() throws Exception {
        services.me = new SignedIn("audit-inspectie", List.of(new StaffRole("AUDITOR", "board", LocalDate.parse("2027-03-01"))));
        String start = mvc.perform(get("/toegangslog").with(signedIn("audit-inspectie"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(start).contains("Kies een school", "Je toegang loopt tot en met maandag 1 maart 2027.").doesNotContain("id=\"toegang\"");
        assertThat(audit.queries).isEmpty();

        mvc.perform(get("/toegangslog?school=school-b").with(signedIn("audit-inspectie"))).andExpect(status().isOk());
        assertThat(audit.queries).extracting(FakeAuditWork.Query::schoolId).containsExactly("school-b");
    }

    @Test
    void whomTheServiceRefusesTheLogSeesAPageThatDoesNotExist() throws Exception {
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        audit.refusal = new ServiceRefusal(403, "ROLE_NOT_PERMITTED", "Alleen de directeur", List.of());
        String page = mvc.perform(get("/toegangslog").with(signedIn("ib-a"))).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.").doesNotContain("Alleen de directeur");
    }

    @Test
    void vandaagLinksTheLogForTheDirecteurAndTheAuditorOnly() throws Exception {
        assertThat(mvc.perform(get("/").with(signedIn("dir-a"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/toegangslog\"").doesNotContain("href=\"/audit\"");
        services.me = new SignedIn("audit-inspectie", List.of(new StaffRole("AUDITOR", "board", LocalDate.parse("2027-03-01"))));
        assertThat(mvc.perform(get("/").with(signedIn("audit-inspectie"))).andReturn().getResponse().getContentAsString())
                .contains("href=\"/toegangslog\"", "href=\"/audit\"");
        services.me = new SignedIn("lk-a", List.of(new StaffRole("TEACHER", "school-a", null)));
        assertThat(mvc.perform(get("/").with(signedIn("lk-a"))).andReturn().getResponse().getContentAsString())
                .doesNotContain("href=\"/toegangslog\"", "href=\"/audit\"");
    }
}
