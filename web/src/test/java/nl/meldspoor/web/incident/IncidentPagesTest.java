package nl.meldspoor.web.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
import nl.meldspoor.web.rapportage.FakeRapportageSource;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The incident register's screens (UI.md 13, 15, 16) through the whole web stack, with the signal-service and the
 * reporting-service faked: recording, the protocol checklists, the meldplicht's "Controleer en bevestig", the register with
 * its CSV and PDF, and the rapportage meldcode on screen and as PDF.
 */
// its own fakes make its own application context: its embedded PostgreSQL gets its own data directory, so it can run
// beside the shared context of the other page tests in the same JVM
@SpringBootTest(properties = "meldspoor.embedded.postgres.data-directory=target/test-postgres-incident")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({PagesTestConfiguration.class, IncidentTestConfiguration.class})
class IncidentPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeIncidentWork incidents;
    @Autowired
    FakeRapportageSource rapportages;
    @Autowired
    ClientRegistrationRepository registrations;

    @BeforeEach
    void reset() {
        services.reset();
        services.me = new SignedIn("dir-a", List.of(new StaffRole("PRINCIPAL", "school-a", null)));
        incidents.reset();
        rapportages.refusal = null;
    }

    private OidcLoginRequestPostProcessor signedIn() {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject("dir-a"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(signedIn())).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
    }

    private ResultActions send(String path, String... fields) throws Exception {
        MockHttpServletRequestBuilder request = post(path).with(signedIn()).with(csrf());
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return mvc.perform(request);
    }

    private static ServiceRefusal refusal(int status, String rule, String detail, String field, String reason) {
        return new ServiceRefusal(status, rule, detail, field == null ? List.of() : List.of(new ServiceRefusal.FieldError(field, reason)));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static PDRectangle pageSize(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getPage(0).getMediaBox();
        }
    }

    // --- recording -------------------------------------------------------------------------------------------------

    @Test
    void theRecordFormOffersTypeKleinOrGroterPartiesByRoleMeasuresAndParentsInformed() throws Exception {
        String form = page("/incidenten/nieuw");

        assertThat(form).contains("Incident vastleggen", "Grove pesterijen", "Zedendelict door een medewerker", "Klein incident", "Groter incident",
                "Leerling, slachtoffer", "Medewerker, dader", "Directe maatregelen", "Dezelfde dag telefonisch", "Gesprek met de directeur erbij",
                "name=\"parties[0].ref\"", "name=\"_csrf\"", "Meld dit direct aan het bestuur. Alleen de schoolleiding inlichten is niet genoeg.");
    }

    @Test
    void recordingSendsTheReportForTheActingSchoolInSchoolTimeAndOpensTheIncident() throws Exception {
        send("/incidenten/nieuw", "sleutel", "key-1", "occurredAt", "2026-11-20T10:15", "firstKnownAt", "2026-11-20T10:30", "place", "speelplaats",
                "type", "SERIOUS_BULLYING", "severity", "SERIOUS", "parties[0].role", "PUPIL_VICTIM", "parties[0].ref", "lln-7f3a",
                "parties[1].role", "PUPIL_PERPETRATOR", "parties[1].ref", "lln-2b9c", "description", "Uitgescholden.", "immediateMeasures", "Apart gezet.",
                "parentsInformed.how", "PHONE_SAME_DAY", "parentsInformed.informedAt", "2026-11-20T15:00")
                .andExpect(redirectedUrl("/incidenten/inc-new"));

        FakeIncidentWork.Sent sent = incidents.sent.get(0);
        assertThat(sent.idempotencyKey()).isEqualTo("key-1");
        assertThat(sent.body()).containsEntry("schoolId", "school-a").containsEntry("occurredAt", "2026-11-20T09:15:00Z")
                .containsEntry("type", "SERIOUS_BULLYING").containsEntry("severity", "SERIOUS").containsEntry("policeInvolved", false);
        assertThat(sent.body().get("parties")).isEqualTo(List.of(Map.of("role", "PUPIL_VICTIM", "ref", "lln-7f3a"),
                Map.of("role", "PUPIL_PERPETRATOR", "ref", "lln-2b9c")));
        assertThat(sent.body().get("parentsInformed")).isEqualTo(Map.of("how", "PHONE_SAME_DAY", "informedAt", "2026-11-20T14:00:00Z"));
    }

    @Test
    void aRefusedRecordingComesBackFilledWithTheServicesReasonNextToTheParty() throws Exception {
        incidents.refusal = refusal(400, "INVALID_INPUT", "Ongeldige invoer", "parties[0].ref", "een pseudoniem of kenmerk zoals pupil-7f3a, nooit een naam");

        String page = send("/incidenten/nieuw", "sleutel", "key-1", "place", "speelplaats", "type", "VANDALISM", "severity", "MINOR",
                "parties[0].role", "PUPIL_PERPETRATOR", "parties[0].ref", "Jan Jansen", "description", "Ruit ingegooid.")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("<title>Fout: Incident vastleggen", "href=\"#parties[0].ref\"", "Pseudoniem van betrokkene 1: een pseudoniem of kenmerk",
                "value=\"Jan Jansen\"", "Ruit ingegooid.", "value=\"key-1\"");
        assertThat(page).containsPattern("value=\"VANDALISM\"\\s+selected");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenIsRefusedAndNothingIsRecorded() throws Exception {
        mvc.perform(post("/incidenten/nieuw").with(signedIn()).param("place", "speelplaats")).andExpect(status().isForbidden());
        mvc.perform(post("/incidenten/inc-1/pesten").with(signedIn()).param("step", "TALK_WITH_BULLY")).andExpect(status().isForbidden());
        assertThat(incidents.sent).isEmpty();
    }

    // --- the protocol tracks -----------------------------------------------------------------------------------------

    @Test
    void theBullyingIncidentShowsItsFiveStepsAsAChecklistWithWhoAndWhen() throws Exception {
        String page = page("/incidenten/inc-1");

        assertThat(page).contains("Pestprotocol (vijfstappenaanpak)", "Grove pesterijen", "Groter incident",
                "1. Gesprek met de gepeste leerling", "Gezet op 21 november 2026 om 11:00 door lk-a (leerkracht); geïnformeerd: ouders, directie",
                "2. Gesprek met de pester", "5. Ouders betrekken, met een kindcontract", "Nog niet",
                "/incidenten/inc-1/pesten?stap=TALK_WITH_BULLY", "Daarna: ouders, directie en gedragscoördinator informeren", "Vijfstappenaanpak, nog niet gezet: stap 2 (gesprek met de pester).",
                "Dezelfde dag telefonisch op 20 november 2026 om 15:00 (dezelfde dag)", "lln-7f3a");
    }

    @Test
    void aBullyingStepIsOneCommandWithTheVersionSeenAndAnIdempotencyKey() throws Exception {
        assertThat(page("/incidenten/inc-1/pesten?stap=TALK_WITH_BULLY")).containsPattern("value=\"TALK_WITH_BULLY\"\\s+checked");

        send("/incidenten/inc-1/pesten", "versie", "3", "sleutel", "key-2", "step", "TALK_WITH_BULLY", "takenAt", "2026-11-22T10:00",
                "informed", "ouders, directie, gedragscoördinator").andExpect(redirectedUrl("/incidenten/inc-1"));

        FakeIncidentWork.Sent sent = incidents.sent.get(0);
        assertThat(sent.path()).isEqualTo("bullying-steps");
        assertThat(sent.expectedVersion()).isEqualTo(3L);
        assertThat(sent.body()).containsEntry("step", "TALK_WITH_BULLY").containsEntry("takenAt", "2026-11-22T09:00:00Z")
                .containsEntry("informed", List.of("ouders", "directie", "gedragscoördinator"));
    }

    @Test
    void theUnsafeBehaviourTrackListsFiveActionsAndTheServiceRefusingActionFiveToATeacherIsSaidNextToTheChoice() throws Exception {
        Map<String, Object> view = FakeIncidentWork.fixture("bullying");
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) view.get("state");
        state.put("track", "UNSAFE_BEHAVIOUR");
        state.put("trackLabel", "Aanpak ongewenst en grensoverschrijdend gedrag");
        state.put("steps", List.of());
        incidents.incident = view;
        assertThat(page("/incidenten/inc-1")).contains("1. De leerling kan het zelf of vraagt hulp", "5. Time-out, schorsen en verwijderen",
                "Alleen de directeur.", "/incidenten/inc-1/actie?stap=TIME_OUT_SUSPENSION_EXPULSION");

        incidents.refusal = refusal(403, "ONLY_PRINCIPAL_DECIDES_EXCLUSION",
                "Time-out, schorsen en verwijderen is een besluit van de directie: alleen de directeur legt deze actie vast.", null, null);
        String page = send("/incidenten/inc-1/actie", "versie", "3", "sleutel", "key-3", "action", "TIME_OUT_SUSPENSION_EXPULSION",
                "takenAt", "2026-11-22T10:00", "notes", "Een dag time-out.")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Fout: ", "href=\"#action\"", "alleen de directeur legt deze actie vast", "Een dag time-out.");
        assertThat(page).containsPattern("value=\"TIME_OUT_SUSPENSION_EXPULSION\"\\s+checked");
    }

    @Test
    void aMeldplichtStepIsCheckedAndConfirmedBeforeItIsSentAndOnlyTheNextStepIsOffered() throws Exception {
        incidents.incident = FakeIncidentWork.fixture("meldplicht");
        String incident = page("/incidenten/inc-2");
        assertThat(incident).contains("Meld dit direct aan het bestuur. Alleen de schoolleiding inlichten is niet genoeg.",
                "/incidenten/inc-2/meldplicht\"", "1. Bestuur geïnformeerd", "Termijn: direct", "2. Vertrouwensinspecteur geraadpleegd",
                "Termijn: op volgorde, na stap 1", "5. Aangifte gedaan");
        assertThat(page("/incidenten/inc-2/meldplicht")).contains("value=\"BOARD_INFORMED\"", "Controleren");

        String check = send("/incidenten/inc-2/meldplicht", "versie", "1", "sleutel", "key-4", "actie", "controleer", "step", "BOARD_INFORMED",
                "takenAt", "2026-11-20T11:25", "informed", "bestuur").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(check).contains("Controleer en bevestig", "20 november 2026 om 11:25", "bestuur", "value=\"bevestig\"", "value=\"wijzig\"");
        assertThat(incidents.sent).isEmpty();

        String again = send("/incidenten/inc-2/meldplicht", "versie", "1", "sleutel", "key-4", "actie", "wijzig", "step", "BOARD_INFORMED",
                "takenAt", "2026-11-20T11:25", "informed", "bestuur").andReturn().getResponse().getContentAsString();
        assertThat(again).contains("value=\"2026-11-20T11:25\"", "value=\"bestuur\"");

        send("/incidenten/inc-2/meldplicht", "versie", "1", "sleutel", "key-4", "actie", "bevestig", "step", "BOARD_INFORMED",
                "takenAt", "2026-11-20T11:25", "informed", "bestuur").andExpect(redirectedUrl("/incidenten/inc-2"));
        assertThat(incidents.sent).singleElement().satisfies(sent -> {
            assertThat(sent.path()).isEqualTo("meldplicht-steps");
            assertThat(sent.body()).containsEntry("step", "BOARD_INFORMED").containsEntry("informed", List.of("bestuur"));
        });
    }

    @Test
    void theMeldplichtFormAsksWhatTheDueStepNeedsAndIsNoPageForOtherIncidents() throws Exception {
        Map<String, Object> view = FakeIncidentWork.fixture("meldplicht");
        @SuppressWarnings("unchecked")
        Map<String, Object> track = (Map<String, Object>) ((Map<String, Object>) view.get("state")).get("meldplichtTrack");
        track.put("nextStep", "POLICE_REPORT_DECIDED");
        incidents.incident = view;
        assertThat(page("/incidenten/inc-2/meldplicht")).contains("Doet het bestuur aangifte?", "Onderbouwing");

        incidents.incident = FakeIncidentWork.fixture("bullying");
        mvc.perform(get("/incidenten/inc-1/meldplicht").with(signedIn())).andExpect(status().isNotFound());
    }

    @Test
    void anIncidentTheServiceRefusesLooksLikeAPageThatDoesNotExist() throws Exception {
        incidents.readRefusal = refusal(403, "ROLE_NOT_PERMITTED", "Uw rol geeft geen toegang tot deze gegevens.", null, null);
        for (String path : List.of("/incidenten/inc-2", "/incidenten/inc-2/ouders", "/incidenten", "/incidenten/register.csv", "/incidenten/register.pdf")) {
            assertThat(mvc.perform(get(path).with(signedIn())).andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString())
                    .as(path).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.");
        }
    }

    @Test
    void parentsInformedAndClosingAreOneFormEach() throws Exception {
        send("/incidenten/inc-1/ouders", "versie", "3", "sleutel", "k5", "how", "MEETING_WITH_PRINCIPAL", "informedAt", "2026-11-23T16:00")
                .andExpect(redirectedUrl("/incidenten/inc-1"));
        incidents.refusal = refusal(400, "INVALID_INPUT", "Ongeldige invoer", "conclusion", "mag niet leeg zijn");
        String page = send("/incidenten/inc-1/afsluiten", "versie", "3", "sleutel", "k6", "conclusion", "")
                .andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#conclusion\"", "mag niet leeg zijn");
        assertThat(incidents.sent).singleElement().satisfies(sent -> assertThat(sent.path()).isEqualTo("parents-informed"));
    }

    // --- the register ------------------------------------------------------------------------------------------------

    @Test
    void theRegisterIsFilteredByPeriodTypeAndStatusWithAPlainFormAndStatesItsFilter() throws Exception {
        String register = page("/incidenten?van=2026-08-24&tot=2026-12-31&soort=SERIOUS_BULLYING&voortgang=IN_PROGRESS");

        assertThat(incidents.filters).singleElement().isEqualTo(new RegisterFilter(java.time.LocalDate.parse("2026-08-24"),
                java.time.LocalDate.parse("2026-12-31"), "SERIOUS_BULLYING", "IN_PROGRESS"));
        assertThat(incidents.filters.get(0).toExclusive()).hasToString("2027-01-01");
        assertThat(register).contains("method=\"get\"", "Filter: periode 24 augustus 2026 tot en met 31 december 2026; soort: Grove pesterijen; voortgang: Bezig.",
                "20-11-2026", "Vernieling", "Klein incident", "Doorlopen (2 stappen)", "Nog niet", "Afgesloten",
                "/incidenten/register.csv?van=2026-08-24&amp;tot=2026-12-31&amp;soort=SERIOUS_BULLYING&amp;voortgang=IN_PROGRESS",
                "/incidenten/register.pdf?van=2026-08-24");
    }

    @Test
    void anUnreadableOrBackwardsPeriodIsSaidNextToTheDateAndKept() throws Exception {
        String page = mvc.perform(get("/incidenten?van=2026-12-01&tot=2026-11-01").with(signedIn())).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Fout: Incidentenregister", "href=\"#tot\"", "De einddatum moet op of na de begindatum liggen.", "value=\"2026-12-01\"");

        page = mvc.perform(get("/incidenten?van=gisteren").with(signedIn())).andExpect(status().isUnprocessableEntity())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#van\"", "Vul een datum in", "value=\"gisteren\"");
        assertThat(incidents.filters).isEmpty();
    }

    @Test
    void theCsvIsTheReportingServicesCsvAsADownload() throws Exception {
        var response = mvc.perform(get("/incidenten/register.csv?soort=VANDALISM").with(signedIn())).andExpect(status().isOk()).andReturn().getResponse();

        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("attachment", "incidentenregister-school-a.csv");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("incidentId;schoolId;type\ninc-1;school-a;SERIOUS_BULLYING\n");
        assertThat(incidents.filters.get(0).type()).isEqualTo("VANDALISM");
    }

    @Test
    void theRegisterPdfIsA4WithDutchHeadingsItsRowsAndTheFilter() throws Exception {
        var response = mvc.perform(get("/incidenten/register.pdf?van=2026-08-24&tot=2027-07-31").with(signedIn())).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        byte[] pdf = response.getContentAsByteArray();

        PDRectangle size = pageSize(pdf);
        assertThat(Math.min(size.getWidth(), size.getHeight())).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(2f));
        assertThat(Math.max(size.getWidth(), size.getHeight())).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(2f));
        String text = text(pdf);
        assertThat(text).contains("Incidentenregister school-a", "Filter: periode 24 augustus 2026 tot en met 31 juli 2027; alle soorten; elke voortgang.",
                "Gebeurd op", "Soort", "Protocol", "Voortgang", "Ouders geïnformeerd", "Aantal incidenten: 2",
                "Grove pesterijen", "Vernieling", "Pestprotocol", "Bezig (1 stappen)", "Afgesloten 5-10-2026");
    }

    // --- the rapportage ----------------------------------------------------------------------------------------------

    @Test
    void theRapportageShowsPerStepWhatWhenWhoAndWhetherItIsDocumented() throws Exception {
        String page = page("/dossiers/case-1/rapportage");

        assertThat(page).contains("Rapportage meldcode", "Stap 1: Signalen in kaart brengen", "Gedocumenteerd: ja", "2 november 2026 om 10:15",
                "lk-a (leerkracht)", "Signaal vastgelegd: thuissituatie", "Stap 2: Collegiale consultatie", "Gedocumenteerd: nee",
                "Ontbreekt: Er is geen overleg met een collega", "Gedocumenteerd: nog niet bereikt", "/dossiers/case-1/rapportage.pdf");
    }

    @Test
    void theRapportagePdfIsA4AndCarriesTheSameSteps() throws Exception {
        byte[] pdf = mvc.perform(get("/dossiers/case-1/rapportage.pdf").with(signedIn())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();

        PDRectangle size = pageSize(pdf);
        assertThat(size.getWidth()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(2f));
        assertThat(text(pdf)).contains("Rapportage meldcode", "case-1", "lln-7f3a", "Stap 1: Signalen in kaart brengen", "Gedocumenteerd: ja",
                "Signaal vastgelegd: thuissituatie", "lk-a (leerkracht)", "Stap 2: Collegiale consultatie", "Gedocumenteerd: nee",
                "Niet elke bereikte stap is gedocumenteerd.");
    }

    @Test
    void aRapportageTheServiceRefusesLooksLikeAPageThatDoesNotExist() throws Exception {
        rapportages.refusal = refusal(403, "NOT_YOUR_SCHOOL", "Geen toegang", null, null);
        mvc.perform(get("/dossiers/case-1/rapportage").with(signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/dossiers/case-1/rapportage.pdf").with(signedIn())).andExpect(status().isNotFound());
    }
}
