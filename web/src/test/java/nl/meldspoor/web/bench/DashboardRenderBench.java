package nl.meldspoor.web.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
import nl.meldspoor.web.leadership.DashboardFigures;
import nl.meldspoor.web.leadership.DashboardFixtures;
import nl.meldspoor.web.leadership.FakeLeadershipReports;
import nl.meldspoor.web.leadership.LeadershipReports;
import nl.meldspoor.web.services.SignedIn;
import nl.meldspoor.web.services.StaffRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Server-side render time of the dashboards (screen 17) for a generated board of 100 schools with five school years of
 * months, as {@link WebRenderBench} does for the other pages: the whole web stack with the reporting-service faked, so
 * only the web's own time (building the charts, drawing SVG, Thymeleaf) is measured, interleaved with a trivial page.
 * Prints figures and asserts nothing about them.
 * <p>
 * Skipped unless asked for: {@code ./mvnw -q -o -pl web -am test -Dtest=DashboardRenderBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}
 * (optionally {@code -Dbench.rounds=300 -Dbench.warmup=100}); the table is written to {@code web/target/bench/dashboard-render.md}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DashboardRenderBench {

    private static final String BASELINE = "Baseline: Je bent afgemeld (`/afgemeld`)";
    private static final int SCHOOLS = 100;
    private static final int MONTHS = 5 * 12;

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeLeadershipReports reports;
    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void renderTimePerDashboard() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 100);
        int rounds = Integer.getInteger("bench.rounds", 300);
        services.reset();
        reports.reset();
        DashboardFigures board = DashboardFixtures.board(SCHOOLS, MONTHS);
        reports.put(board);
        // a cluster of 20 of the board's schools, and one school, each with five school years of months
        reports.put(new DashboardFigures("CLUSTER", "cluster-1", "Cluster 1", board.from(), board.from().plusYears(5), 5, board.totals(),
                board.perMonth(), List.of(), board.perSchool().subList(0, 20)));
        reports.put(new DashboardFigures("SCHOOL", "school-1", "School 1", board.from(), board.from().plusYears(5), 5,
                board.perSchool().get(0).figures(), board.perMonth(), List.of(), List.of()));
        LocalDate today = LocalDate.now();
        for (int i = 0; i < 40; i++) {
            reports.openCases.add(new LeadershipReports.OpenCase("case-" + i, 1 + i % 5,
                    List.of(new LeadershipReports.Deadline("REPORT_REQUIRED", "Direct melden bij Veilig Thuis.", today.plusDays(i - 20)))));
        }

        Map<String, List<String>> people = new LinkedHashMap<>();
        people.put("dir-1", List.of("PRINCIPAL", "school-1"));
        people.put("cd-1", List.of("CLUSTER_DIRECTOR", "cluster-1"));
        people.put("bo-1", List.of("BOARD_OFFICER", "board"));
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put(BASELINE, new String[] {"dir-1", "/afgemeld"});
        pages.put("School (directeur, 60 maanden, 40 termijnen)", new String[] {"dir-1", "/dashboard/school/school-1"});
        pages.put("Cluster (20 scholen, 60 maanden)", new String[] {"cd-1", "/dashboard/cluster/cluster-1"});
        pages.put("Bestuur (100 scholen, 60 maanden)", new String[] {"bo-1", "/dashboard/bestuur"});

        Map<String, OidcLoginRequestPostProcessor> logins = new LinkedHashMap<>();
        Map<String, Cookie> sessions = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> person : people.entrySet()) {
            OidcLoginRequestPostProcessor login = oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor"))
                    .idToken(token -> token.subject(person.getKey()));
            services.me = new SignedIn(person.getKey(), List.of(new StaffRole(person.getValue().get(0), person.getValue().get(1), null)));
            MvcResult first = mvc.perform(get("/").with(login)).andReturn();
            logins.put(person.getKey(), login);
            sessions.put(person.getKey(), first.getResponse().getCookie("MELDSPOOR_SESSION"));
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Integer> sizes = new LinkedHashMap<>();
        pages.forEach((name, page) -> nanos.put(name, new long[rounds]));
        for (int round = -warmup; round < rounds; round++) {
            for (Map.Entry<String, String[]> page : pages.entrySet()) {
                String person = page.getValue()[0];
                long start = System.nanoTime();
                MvcResult result = mvc.perform(get(page.getValue()[1]).with(logins.get(person)).cookie(sessions.get(person))).andReturn();
                long took = System.nanoTime() - start;
                if (result.getResponse().getStatus() != 200) {
                    throw new IllegalStateException(page.getValue()[1] + " answered " + result.getResponse().getStatus());
                }
                if (round >= 0) {
                    nanos.get(page.getKey())[round] = took;
                } else {
                    sizes.put(page.getKey(), result.getResponse().getContentAsByteArray().length);
                }
            }
        }
        long[] base = nanos.get(BASELINE).clone();
        Arrays.sort(base);
        List<String> lines = new ArrayList<>();
        lines.add("| page | HTML kB | p50 ms | p95 ms | max ms | p50 × baseline |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        nanos.forEach((name, times) -> {
            long[] sorted = times.clone();
            Arrays.sort(sorted);
            lines.add(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f |", name, sizes.get(name) / 1024,
                    percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, sorted[sorted.length - 1] / 1e6,
                    percentile(sorted, 50) / percentile(base, 50)));
        });
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%d measured rounds after %d warm-up rounds, pages interleaved; %d cores, %s %s.", rounds, warmup,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        String table = String.join("\n", lines);
        System.out.println("\n" + table + "\n");
        Path out = Path.of("target", "bench", "dashboard-render.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
