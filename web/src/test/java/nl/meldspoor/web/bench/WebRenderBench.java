package nl.meldspoor.web.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.meldspoor.web.FakeCaseWork;
import nl.meldspoor.web.FakeServices;
import nl.meldspoor.web.PagesTestConfiguration;
import nl.meldspoor.web.services.Pupil;
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
 * Server-side render time per page (ISSUE12 "Quality": p95 under 150 ms), a benchmark rather than a timed test: it
 * prints figures and asserts nothing about them, so a slow shared machine never fails the build. Each page goes through
 * the whole web stack as a browser's GET does — security, the session in PostgreSQL (Spring Session JDBC), the
 * controller, Thymeleaf — with the services faked, so only the web application's own time is measured. A trivial page
 * ("Je bent afgemeld", the same stack and layout) is measured in the same run, interleaved, as the baseline.
 * <p>
 * Skipped unless asked for: {@code ./mvnw -q -pl web -am test -Dtest=WebRenderBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}
 * (optionally {@code -Dbench.rounds=1000 -Dbench.warmup=300}); the table is printed and written to
 * {@code web/target/bench/web-render.md}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(PagesTestConfiguration.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class WebRenderBench {

    private static final String BASELINE = "Baseline: Je bent afgemeld (`/afgemeld`)";

    @Autowired
    MockMvc mvc;
    @Autowired
    FakeServices services;
    @Autowired
    FakeCaseWork cases;
    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void renderTimePerPage() throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 300);
        int rounds = Integer.getInteger("bench.rounds", 1000);
        services.reset();
        cases.reset();
        services.me = new SignedIn("ib-a", List.of(new StaffRole("CARE_COORDINATOR", "school-a", null)));
        for (int i = 0; i < 20; i++) {
            services.notify("n-" + i, "Nieuw signaal " + i, i % 3 == 0);
            services.pupils.add(new Pupil("pupil-" + i, "school-a", "Sanne" + i, "de Vries", LocalDate.of(2017, 3, 1), 4, "gezin-" + i, false));
        }
        OidcLoginRequestPostProcessor ib = oidcLogin().clientRegistration(registrations.findByRegistrationId("meldspoor"))
                .idToken(token -> token.subject("ib-a"));

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(BASELINE, "/afgemeld");
        pages.put("Vandaag", "/");
        pages.put("Inbox", "/inbox");
        pages.put("Signaal vastleggen", "/signalen/nieuw");
        pages.put("Leerlingen zoeken (htmx-fragment)", "/signalen/leerlingen?naam=San");
        pages.put("Dossiers", "/dossiers");
        pages.put("Goedkeuringen", "/dossiers/goedkeuringen");
        pages.put("Dossier", "/dossiers/case-1");
        pages.put("Afwegingskader", "/dossiers/case-1/afwegingskader");
        pages.put("Besluit", "/dossiers/case-1/besluit");
        pages.put("Goedkeuring", "/dossiers/case-1/goedkeuring");
        pages.put("Melding Veilig Thuis", "/dossiers/case-1/melding");
        pages.put("Hulp en evaluatie", "/dossiers/case-1/hulp");
        pages.put("Sluiten", "/dossiers/case-1/sluiten");
        pages.put("Tijdlijn", "/dossiers/case-1/tijdlijn");
        pages.put("Tijdlijn zoals bekend op", "/dossiers/case-1/tijdlijn?datum=2026-11-20&tijd=12:00");

        // one browser session throughout, as a person clicking through
        MvcResult first = mvc.perform(get("/").with(ib)).andReturn();
        Cookie session = first.getResponse().getCookie("MELDSPOOR_SESSION");
        Map<String, long[]> nanos = new LinkedHashMap<>();
        pages.forEach((name, path) -> nanos.put(name, new long[rounds]));
        for (int round = -warmup; round < rounds; round++) {
            // interleaved: every page sees the same JIT, GC and machine load as the baseline
            for (Map.Entry<String, String> page : pages.entrySet()) {
                long start = System.nanoTime();
                MvcResult result = mvc.perform(get(page.getValue()).with(ib).cookie(session)).andReturn();
                long took = System.nanoTime() - start;
                int status = result.getResponse().getStatus();
                if (status != 200) {
                    throw new IllegalStateException(page.getValue() + " answered " + status + ", not a page to measure");
                }
                if (round >= 0) {
                    nanos.get(page.getKey())[round] = took;
                }
            }
        }
        report(nanos, warmup, rounds);
    }

    private static void report(Map<String, long[]> nanos, int warmup, int rounds) throws IOException {
        long[] base = nanos.get(BASELINE).clone();
        Arrays.sort(base);
        double baseP50 = percentile(base, 50);
        double baseP95 = percentile(base, 95);
        List<String> lines = new ArrayList<>();
        lines.add("| page | p50 ms | p95 ms | max ms | p50 × baseline | p95 × baseline |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        nanos.forEach((name, times) -> {
            long[] sorted = times.clone();
            Arrays.sort(sorted);
            double p50 = percentile(sorted, 50);
            double p95 = percentile(sorted, 95);
            lines.add(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %.1f |", name, p50 / 1e6, p95 / 1e6,
                    sorted[sorted.length - 1] / 1e6, p50 / baseP50, p95 / baseP95));
        });
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%d measured rounds after %d warm-up rounds, pages interleaved; %d cores, %s %s.", rounds, warmup,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version")));
        String table = String.join("\n", lines);
        System.out.println("\n" + table + "\n");
        Path out = Path.of("target", "bench", "web-render.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table + "\n");
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
