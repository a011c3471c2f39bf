package nl.meldspoor.web.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.meldspoor.web.FakeCaseWork;
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

/** Screen 17 through the whole web stack, with the reporting-service faked: school, cluster and board dashboards. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
class DashboardPagesTest {

    private static final Pattern BAR = Pattern.compile("<rect class=\"meldspoor-chart__bar\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeCaseWork cases;
    @Autowired
    FakeLeadershipReports reports;
    @Autowired
    ClientRegistrationRepository registrations;

    /** One browser session throughout (Spring Session keeps it in PostgreSQL, found by its cookie). */
    private Cookie session;

    @BeforeEach
    void reset() {
        services.reset();
        cases.reset();
        reports.reset();
        reports.put(DashboardFixtures.school());
        reports.put(DashboardFixtures.cluster());
        reports.put(DashboardFixtures.board(12, 5));
    }

    private OidcLoginRequestPostProcessor as(String personId) {
        return oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor")).idToken(token -> token.subject(personId));
    }

    /** Signs in with one role and opens Vandaag, which sets the role the person acts in. */
    private String signIn(String personId, String role, String scope) throws Exception {
        services.me = new SignedIn(personId, List.of(new StaffRole(role, scope, null)));
        var response = mvc.perform(get("/").with(as(personId))).andExpect(status().isOk()).andReturn().getResponse();
        session = response.getCookie("MELDSPOOR_SESSION");
        return response.getContentAsString();
    }

    private String page(String personId, String path) throws Exception {
        return mvc.perform(get(path).with(as(personId)).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The SVG and table of one chart on the page. */
    private static String figure(String page, String id) {
        int start = page.indexOf("<figure class=\"meldspoor-chart\" id=\"" + id + "\"");
        assertThat(start).as("chart " + id).isNotNegative();
        return page.substring(start, page.indexOf("</figure>", start));
    }

    private static long bars(String html) {
        Matcher matcher = BAR.matcher(html);
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void aDirecteurReachesTheSchoolDashboardFromVandaagAndSeesChartsWithTheirTables() throws Exception {
        String today = signIn("dir-a", "PRINCIPAL", "school-a");
        assertThat(today).contains("href=\"/dashboard\"", "Dashboard van de school en termijnen");
        mvc.perform(get("/dashboard").with(as("dir-a")).cookie(session)).andExpect(redirectedUrl("/dashboard/school/school-a"));

        String dashboard = page("dir-a", "/dashboard/school/school-a");

        assertThat(dashboard).contains("OBS De Vlinder", "1 augustus 2026 t/m 31 juli 2027", "Kerncijfers");
        assertThat(reports.asked).containsExactly("school/school-a?" + Periods.currentSchoolYear(LocalDate.now(DashboardPages.AMSTERDAM)));
        for (String chart : List.of("trend-signalen", "trend-dossiers", "trend-advies", "trend-meldingen", "trend-incidenten",
                "signalen-categorie", "incidenten-soort", "mediaan-stap", "documentatie")) {
            String figure = figure(dashboard, chart);
            assertThat(figure).as(chart).contains("<svg", "role=\"img\"", "<caption", "<th scope=\"col\"", "<th scope=\"row\"");
            assertThat(figure).as(chart).doesNotContain("<script", "<canvas");
        }
        // the service's words and numbers, nothing added: signals per month 12, 13, … as given
        assertThat(figure(dashboard, "trend-signalen")).contains("sep 26", ">13<");
        assertThat(figure(dashboard, "mediaan-stap")).contains("3,5 dagen", "7 dagen");
        assertThat(figure(dashboard, "documentatie")).contains("80%");
    }

    @Test
    void aSuppressedCellReadsMinderDan5AndGetsNoBar() throws Exception {
        signIn("dir-a", "PRINCIPAL", "school-a");
        String dashboard = page("dir-a", "/dashboard/school/school-a");

        // months 2 and 5 of the cases-opened trend are suppressed by the service: 5 months, 2 hidden, 3 drawn
        String cases = figure(dashboard, "trend-dossiers");
        assertThat(cases).contains("<td class=\"govuk-table__cell govuk-table__cell--numeric meldspoor-suppressed\">minder dan 5</td>");
        assertThat(bars(cases)).isEqualTo(3);
        assertThat(cases).contains("kleine aantallen (minder dan de drempel) worden niet getoond");
        // by category: 10, 7, hidden, 0 → two bars (zero draws none), the hidden one only as words
        String categories = figure(dashboard, "signalen-categorie");
        assertThat(bars(categories)).isEqualTo(2);
        assertThat(categories).contains("Ongewenst of grensoverschrijdend gedrag", "minder dan 5");
        // a suppressed median: words, no bar
        assertThat(bars(figure(dashboard, "mediaan-stap"))).isEqualTo(2);
    }

    @Test
    void theMonthlyTrendIsShownPerCategoryAndPerIncidentTypeEachWithItsTableAndSuppressedMonthsOnlyInWords() throws Exception {
        signIn("dir-a", "PRINCIPAL", "school-a");
        String dashboard = page("dir-a", "/dashboard/school/school-a");

        assertThat(dashboard).contains("Signalen per maand naar categorie", "Incidenten per maand naar soort");
        for (String chart : List.of("trend-categorie-social-emotional", "trend-categorie-unsafe-behaviour", "trend-categorie-bullying",
                "trend-categorie-home-situation", "trend-soort-physical-violence", "trend-soort-serious-bullying")) {
            String figure = figure(dashboard, chart);
            assertThat(figure).as(chart).contains("<svg", "role=\"img\"", "<caption", "<th scope=\"col\"", "<th scope=\"row\"", "sep 26");
        }
        // home situation 6, 7, 8, 9, 10 as given: five columns
        String home = figure(dashboard, "trend-categorie-home-situation");
        assertThat(home).contains("Signalen per maand: Thuissituatie", ">10<");
        assertThat(bars(home)).isEqualTo(5);
        // social-emotional hidden in months 2 and 4: words in the table and the SVG, three columns
        String social = figure(dashboard, "trend-categorie-social-emotional");
        assertThat(social).contains("<td class=\"govuk-table__cell govuk-table__cell--numeric meldspoor-suppressed\">minder dan 5</td>",
                "kleine aantallen (minder dan de drempel) worden niet getoond");
        assertThat(bars(social)).isEqualTo(3);
        // serious bullying: only a suppressed month, so no column at all; physical violence 0..4: four columns (zero draws none)
        assertThat(bars(figure(dashboard, "trend-soort-serious-bullying"))).isZero();
        assertThat(figure(dashboard, "trend-soort-serious-bullying")).contains("Incidenten per maand: Grove pesterijen", "minder dan 5");
        assertThat(bars(figure(dashboard, "trend-soort-physical-violence"))).isEqualTo(4);
        // theft had no incident in any month: no chart of its own
        assertThat(dashboard).doesNotContain("id=\"trend-soort-theft\"").contains("Soorten zonder incidenten in deze periode staan er niet bij.");
    }

    @Test
    void documentationIsChartedPerStepWithItsTable() throws Exception {
        signIn("dir-a", "PRINCIPAL", "school-a");
        String dashboard = page("dir-a", "/dashboard/school/school-a");

        String perStep = figure(dashboard, "documentatie-stap");
        assertThat(perStep).contains("Vastgelegd per stap", "<svg", "<caption", "Stap 1: signalen in kaart brengen", "Stap 5: beslissen over melden en hulp",
                "80%", "75%", "100%", "geen dossiers");
        // step 3's share is over a suppressed number of cases: words, no bar; step 4 no cases: no bar
        assertThat(perStep).contains("<td class=\"govuk-table__cell govuk-table__cell--numeric meldspoor-suppressed\">minder dan 5</td>");
        assertThat(bars(perStep)).isEqualTo(3);
        assertThat(perStep.indexOf("Stap 1:")).isLessThan(perStep.indexOf("Stap 2:"));
    }

    @Test
    void withoutTheMonthlyBreakdownFromAnOlderServiceThePageStillShowsTheTotals() throws Exception {
        DashboardFigures school = DashboardFixtures.school();
        reports.put(new DashboardFigures(school.level(), school.id(), school.name(), school.from(), school.to(), 5, school.totals(),
                school.perMonth().stream().map(month -> new DashboardFigures.PeriodFigures(month.period(), month.casesOpened(), month.veiligThuisAdvice(),
                        month.reportsMade(), month.helpOrganised(), month.closedWithoutSuspicion(), month.signalsRecorded(), month.incidents(), null, null)).toList(),
                List.of(), List.of()));
        signIn("dir-a", "PRINCIPAL", "school-a");

        String dashboard = page("dir-a", "/dashboard/school/school-a");

        assertThat(dashboard).contains("id=\"trend-signalen\"").doesNotContain("Signalen per maand naar categorie", "trend-categorie-");
    }

    @Test
    void thePeriodChoiceIsAPlainGetFormAndReachesTheServiceAsItsPeriod() throws Exception {
        signIn("dir-a", "PRINCIPAL", "school-a");
        String dashboard = page("dir-a", "/dashboard/school/school-a?periode=2026-2027-T1");

        assertThat(reports.asked).containsExactly("school/school-a?2026-2027-T1");
        assertThat(dashboard).contains("<form method=\"get\"", "name=\"periode\"", "Toon periode");
        assertThat(dashboard).contains("<option value=\"2026-2027-T1\" selected=\"selected\">Periode 1 (aug–dec) 2026-2027</option>");
        assertThat(dashboard).contains("value=\"2026-2027\"", "value=\"2026-09\"");
    }

    @Test
    void theDirecteurSeesOverdueAndUpcomingDeadlinesOfTheSchoolAsAWorkList() throws Exception {
        LocalDate today = LocalDate.now(DashboardPages.AMSTERDAM);
        reports.openCases.add(new LeadershipReports.OpenCase("case-11111111-aaaa", 5, List.of(
                new LeadershipReports.Deadline("REPORT_REQUIRED", "Direct melden bij Veilig Thuis.", today.minusDays(2)))));
        reports.openCases.add(new LeadershipReports.OpenCase("case-22222222-bbbb", 4, List.of(
                new LeadershipReports.Deadline("PRINCIPAL_APPROVAL", "Besluit goedkeuren", today.plusDays(3)),
                new LeadershipReports.Deadline("HELP_EVALUATION", "Hulp evalueren", today))));
        signIn("dir-a", "PRINCIPAL", "school-a");

        String dashboard = page("dir-a", "/dashboard/school/school-a");

        String overdue = dashboard.substring(dashboard.indexOf("id=\"verlopen\""), dashboard.indexOf("id=\"komend\""));
        assertThat(overdue).contains("Direct melden bij Veilig Thuis – uiterlijk", "href=\"/dossiers/case-11111111-aaaa\"")
                .doesNotContain("Besluit goedkeuren");
        String upcoming = dashboard.substring(dashboard.indexOf("id=\"komend\""));
        // due today is not yet overdue (as the services' Deadline.overdueOn); soonest first
        assertThat(upcoming.indexOf("Hulp evalueren")).isNotNegative().isLessThan(upcoming.indexOf("Besluit goedkeuren"));
    }

    @Test
    void aClusterDirectorSeesTheSchoolsSideBySideWithSuppressedCellsAndNoLinkToPupilsOrCases() throws Exception {
        String today = signIn("cd-noord", "CLUSTER_DIRECTOR", "cluster-noord");
        assertThat(today).contains("Dashboard van het cluster");
        mvc.perform(get("/dashboard").with(as("cd-noord")).cookie(session)).andExpect(redirectedUrl("/dashboard/cluster/cluster-noord"));

        String dashboard = page("cd-noord", "/dashboard/cluster/cluster-noord");

        String table = dashboard.substring(dashboard.indexOf("id=\"naast-elkaar\""), dashboard.indexOf("</table>", dashboard.indexOf("id=\"naast-elkaar\"")));
        assertThat(table).contains(">OBS De Vlinder</th>", ">CBS De Regenboog</th>", ">SBO De Brug</th>", ">Cluster Noord</th>");
        assertThat(table).contains("minder dan 5");
        // cases opened per school: 9, 6, hidden → two bars; SBO De Brug's cell only in words
        String perSchool = figure(dashboard, "school-dossiers");
        assertThat(bars(perSchool)).isEqualTo(2);
        assertThat(perSchool).contains("SBO De Brug", "minder dan 5", "href=\"/dashboard/school/school-c\"");
        assertThat(dashboard).doesNotContain("/leerlingen/", "/dossiers/", "zorglogboek");
        assertThat(reports.caseListAsked).isFalse();
    }

    @Test
    void aClusterDirectorCannotReachAPupilsZorglogboekOrACasePage() throws Exception {
        signIn("cd-noord", "CLUSTER_DIRECTOR", "cluster-noord");
        // the services refuse pupil-level data to aggregate roles (403 AGGREGATES_ONLY); the web shows it as not found
        services.refusal = new ServiceRefusal(403, "AGGREGATES_ONLY", "Alleen geaggregeerde cijfers", List.of());

        String pupil = mvc.perform(get("/leerlingen/pupil-1/zorglogboek").with(as("cd-noord")).cookie(session))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        String dossier = mvc.perform(get("/dossiers/case-9").with(as("cd-noord")).cookie(session))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(pupil).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.").doesNotContain("AGGREGATES_ONLY");
        assertThat(dossier).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.");
    }

    @Test
    void aDashboardTheServiceRefusesLooksLikeAPageThatDoesNotExist() throws Exception {
        signIn("cd-noord", "CLUSTER_DIRECTOR", "cluster-noord");

        String other = mvc.perform(get("/dashboard/cluster/cluster-zuid").with(as("cd-noord")).cookie(session))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();

        assertThat(other).contains("Deze pagina bestaat niet of je hebt er geen toegang toe.").doesNotContain("Cluster Zuid");
    }

    @Test
    void theBoardSeesEachSchoolsUseOfTheMeldcodeWithSchoolsThatRecordLittleFirstAndMarked() throws Exception {
        String today = signIn("bo-bestuur", "BOARD_OFFICER", "board");
        assertThat(today).contains("Dashboard van het bestuur");
        mvc.perform(get("/dashboard").with(as("bo-bestuur")).cookie(session)).andExpect(redirectedUrl("/dashboard/bestuur"));

        String dashboard = page("bo-bestuur", "/dashboard/bestuur?periode=2026-2027");

        assertThat(reports.asked).containsExactly("board/bestuur-voorbeeld?2026-2027");
        int start = dashboard.indexOf("id=\"gebruik-per-school\"");
        String table = dashboard.substring(start, dashboard.indexOf("</table>", start));
        assertThat(table).contains("Signalen", "Dossiers geopend", "Advies Veilig Thuis", "Meldingen", "Volledig vastgelegd", "Dagen stap 1→2",
                "Vastgelegd stap 1", "Vastgelegd stap 5");
        // School 11 recorded no signals, School 7 fewer than 5: both first, marked; then the others by signals
        int eleven = table.indexOf(">School 11<");
        int seven = table.indexOf(">School 7<");
        int one = table.indexOf(">School 1<");
        assertThat(eleven).isNotNegative().isLessThan(seven);
        assertThat(seven).isLessThan(one);
        assertThat(table.substring(eleven, seven)).contains("weinig vastgelegd");
        assertThat(table.substring(seven, table.indexOf("</tr>", seven))).contains("weinig vastgelegd", "minder dan 5");
        assertThat(table.substring(one, table.indexOf("</tr>", one))).doesNotContain("weinig vastgelegd");
        assertThat(dashboard).contains("(<span>2</span> scholen)");
        // School 5 and 10 have suppressed cases: no bar for them in the per-school chart
        assertThat(bars(figure(dashboard, "school-dossiers"))).isEqualTo(12 - 2);
        assertThat(dashboard).doesNotContain("/leerlingen/", "/dossiers/", "zorglogboek");
    }

    @Test
    void aTeacherGetsNoDashboardLink() throws Exception {
        String today = signIn("lk-a", "TEACHER", "school-a");

        assertThat(today).doesNotContain("href=\"/dashboard\"");
    }
}
