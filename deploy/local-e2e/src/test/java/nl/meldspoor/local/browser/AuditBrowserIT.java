package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldspoor.local.LocalSystem;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Flow D of UI.md and the audit screens in real headless Chromium against the shared local system with the demo board:
 * the auditor reconstructs a case at an earlier moment, compares two moments and sees who looked (its own look with its
 * purpose too); the principal filters the school's access log; the board's administrator gives a role that the person
 * then has when signing in, and takes it back.
 */
class AuditBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = BrowserSystem.withDemoBoard();
    }

    @Test
    void theAuditorGivesAPurposeSeesTheCaseAtAnEarlierMomentTheDifferenceAndWhoLookedIncludingItself() throws Exception {
        // a case of the demo board's school-c of our own, with a fact recorded a moment after it opened
        String caseId = escalatedCase("c");
        Instant then = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Awaitility.await().pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(then.plusMillis(200)));
        post("ib-c", system.caseServiceUrl() + "/api/cases/" + caseId + "/colleague-consultations", Map.of(
                "consultedAt", Instant.now().toString(), "colleagueId", "lk-c", "colleagueCapacity", "leerkracht groep 4",
                "discussed", "Zelfde signalen in de klas?", "sameSignalsSeen", "YES", "missingInformation", "Niets"));

        try (Browser browser = Browser.open("audit")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "audit-inspectie");
            assertThat(driver.findElements(By.linkText("Dossiers reconstrueren"))).hasSize(1);
            browser.checkPage("auditor-vandaag");

            // 1. a case in scope: the board-wide auditor chooses the school, then the case
            driver.get(system.webUrl() + "/audit");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Dossiers reconstrueren"));
            assertThat(driver.findElement(By.id("auditor-toegang")).getText()).contains("Je toegang loopt tot en met");
            WebElement school = driver.findElement(By.id("school"));
            if ("select".equals(school.getTagName())) {
                new Select(school).selectByValue("school-c");
            } else {
                // the reporting-service gave no list of the board's schools: the page asks for the school's id
                BrowserSteps.type(driver, "school", "school-c");
            }
            driver.findElement(By.xpath("//button[normalize-space()='Toon dossiers']")).click();
            By caseLink = By.cssSelector("a[href$='/audit/dossiers/" + caseId + "/doel']");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(caseLink).isEmpty();
            });
            browser.checkPage("auditor-dossiers");
            driver.findElement(caseLink).click();

            // 2. "Waarom bekijk je dit dossier?" is required
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Waarom bekijk je dit dossier?"));
            browser.checkPage("auditor-doel");
            driver.findElement(By.xpath("//button[normalize-space()='Bekijk dossier']")).click();
            wait.until(ExpectedConditions.titleContains("Fout: "));
            assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("Kies waarom je dit dossier bekijkt.");
            browser.checkPage("auditor-doel-fout");
            driver.findElement(By.xpath("//label[normalize-space()='Controle van de dossiervorming']")).click();
            driver.findElement(By.xpath("//button[normalize-space()='Bekijk dossier']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Tijdlijn"));
            assertThat(driver.findElement(By.id("doel")).getText()).contains("Controle van de dossiervorming");
            assertThat(driver.findElement(By.id("gebeurtenissen")).getText()).contains("collega geraadpleegd");
            assertThat(driver.findElements(By.cssSelector("main form[method=post]"))).isEmpty();
            browser.checkPage("auditor-tijdlijn");

            // 3. "Zoals bekend op" a moment before the consultation was recorded: a banner says later facts are hidden
            LocalDateTime local = LocalDateTime.ofInstant(then, SCHOOL_ZONE);
            driver.get(system.webUrl() + "/audit/dossiers/" + caseId + "?datum=" + local.toLocalDate() + "&tijd=" + local.toLocalTime());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("zoals-bekend")));
            assertThat(driver.findElement(By.id("zoals-bekend")).getText()).contains("Wat later is vastgelegd, is verborgen.");
            assertThat(driver.findElement(By.id("gebeurtenissen")).getText()).doesNotContain("collega geraadpleegd");
            browser.checkPage("auditor-zoals-bekend");

            // 4. "Verschil met" now: the consultation was recorded in between; the header before and after side by side
            driver.findElement(By.linkText("Verschil met")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Verschil tussen twee momenten"));
            // the form's own GET, as the date and time pickers would send it (typing into them depends on the browser's locale)
            driver.get(system.webUrl() + "/audit/dossiers/" + caseId + "/verschil?van-datum=" + local.toLocalDate() + "&van-tijd=" + local.toLocalTime());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tussen")));
            assertThat(driver.findElement(By.id("tussen")).getText()).contains("collega geraadpleegd").doesNotContain("Dossier meldcode geopend");
            assertThat(driver.findElement(By.id("voor")).getText()).contains("Volgende stap", "Team", "casemanager ib-c");
            assertThat(driver.findElement(By.id("na")).getText()).startsWith("Nu");
            browser.checkPage("auditor-verschil");

            // 5. "Wie keek": the access log of this case, the auditor's own reads with their purpose among them
            driver.findElement(By.linkText("Wie keek")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Wie keek"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                String looked = driver.findElement(By.id("toegang")).getText();
                return looked.contains("audit-inspectie") && looked.contains("controle van de dossiervorming");
            });
            assertThat(driver.findElement(By.id("toegang")).getText()).contains("auditor");
            browser.checkPage("auditor-wie-keek");
        }
    }

    @Test
    void thePrincipalFiltersTheSchoolsAccessLogByPerson() throws Exception {
        // the IB'er of school-a looks at the school's cases for a care meeting
        get("ib-a", system.reportingServiceUrl() + "/api/schools/school-a/cases", "CARE_COORDINATION");

        try (Browser browser = Browser.open("access-log")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "dir-a");
            driver.findElement(By.linkText("Toegangslog: wie keek wanneer en waarom")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Toegangslog"));
            browser.checkPage("toegangslog");

            BrowserSteps.type(driver, "persoon", "ib-a");
            driver.findElement(By.xpath("//button[normalize-space()='Filter']")).click();
            wait.until(ExpectedConditions.urlContains("persoon=ib-a"));
            String filtered = driver.getCurrentUrl().replaceAll("&pagina=[0-9]*", "");
            // newest first, 25 to a page: the classes beside this one (the access matrix reads as ib-a) may push the read further
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> aPageShows(driver, filtered, "zorgoverleg"));
            driver.get(filtered);
            String log = driver.findElement(By.id("toegang")).getText();
            assertThat(log).contains("ib-a", "IB'er").doesNotContain("dir-a ");
            assertThat(driver.findElement(By.id("persoon")).getAttribute("value")).isEqualTo("ib-a");
            browser.checkPage("toegangslog-gefilterd");

            // a date the picker would never send: refused next to its field, the other filters kept
            driver.get(system.webUrl() + "/toegangslog?persoon=ib-a&van=morgen");
            wait.until(ExpectedConditions.titleContains("Fout: "));
            assertThat(driver.findElement(By.id("persoon")).getAttribute("value")).isEqualTo("ib-a");
            browser.checkPage("toegangslog-fout");
        }
    }

    /** Whether one of the filtered access log's pages (as the principal would page through them) shows the text. */
    private static boolean aPageShows(WebDriver driver, String filtered, String text) {
        for (int page = 0; page < 40; page++) {
            driver.get(filtered + "&pagina=" + page);
            List<WebElement> log = driver.findElements(By.id("toegang"));
            if (log.isEmpty()) {
                return false;
            }
            String shown = log.get(0).getText();
            if (shown.contains(text)) {
                return true;
            }
            if (driver.findElements(By.cssSelector("a[rel=next]")).isEmpty()) {
                return false;
            }
        }
        return false;
    }

    @Test
    void theAdministratorGivesARoleThatThePersonThenHasAndTakesItBack() throws Exception {
        try (Browser browser = Browser.open("staff")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "beheer-bestuur");
            driver.findElement(By.linkText("Rollen van medewerkers geven en intrekken")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Personeel"));
            browser.checkPage("personeel");

            BrowserSteps.type(driver, "zoek-plaats-veld", "school-e");
            driver.findElement(By.xpath("//button[normalize-space()='Toon medewerkers']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("medewerkers")));
            assertThat(driver.findElement(By.id("medewerkers")).getText()).contains("ib-e", "dir-e", "lk-e");
            browser.checkPage("personeel-school");

            // an auditor without an end date: the service's refusal next to the end date, everything typed kept
            BrowserSteps.type(driver, "persoon", "lk-e");
            new Select(driver.findElement(By.id("rol"))).selectByValue("AUDITOR");
            BrowserSteps.type(driver, "plaats", "school-e");
            driver.findElement(By.xpath("//button[normalize-space()='Rol geven']")).click();
            wait.until(ExpectedConditions.titleContains("Fout: "));
            assertThat(driver.findElement(By.cssSelector("#rol-geven .govuk-error-message")).getText()).contains("einddatum");
            assertThat(driver.findElement(By.id("persoon")).getAttribute("value")).isEqualTo("lk-e");
            browser.checkPage("personeel-weigering");

            new Select(driver.findElement(By.id("rol"))).selectByValue("ADVISOR");
            driver.findElement(By.xpath("//button[normalize-space()='Rol geven']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gelukt")));
            assertThat(driver.findElement(By.id("rollen")).getText()).contains("aandachtsfunctionaris");
            browser.checkPage("personeel-gegeven");
            BrowserSteps.signOut(driver, wait);

            // the teacher signs in and can act as aandachtsfunctionaris (the services follow the directory a moment later)
            BrowserSteps.signIn(system, driver, wait, "lk-e");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.xpath("//select[@id='rol']/option[normalize-space()='aandachtsfunctionaris · school-e']")).isEmpty();
            });
            browser.checkPage("vandaag-nieuwe-rol");
            BrowserSteps.signOut(driver, wait);

            // and the administrator takes it back after "Controleer"
            BrowserSteps.signIn(system, driver, wait, "beheer-bestuur");
            driver.get(system.webUrl() + "/personeel?persoon=lk-e");
            driver.findElement(By.cssSelector("a[href$='/personeel/lk-e/rollen/ADVISOR/school-e/intrekken']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig: rol intrekken"));
            browser.checkPage("personeel-intrekken");
            driver.findElement(By.xpath("//button[normalize-space()='Rol intrekken']")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gelukt")));
            assertThat(driver.findElement(By.id("rollen")).getText()).doesNotContain("aandachtsfunctionaris");
        }
    }

    /** A teacher's signal at the school, escalated by its IB'er through the signal-service; the case opens from Kafka. */
    private static String escalatedCase(String letter) throws Exception {
        String school = "school-" + letter;
        String pupil = post("ib-" + letter, system.signalServiceUrl() + "/api/schools/" + school + "/pupils",
                Map.of("givenName", "Ruben", "familyName", "Audit", "birthDate", "2016-05-12", "group", 5)).path("pupilRef").asText();
        String signal = post("lk-" + letter, system.signalServiceUrl() + "/api/pupils/" + pupil + "/signals", Map.of(
                "schoolId", school, "observedAt", Instant.now().minusSeconds(3600).toString(), "place", "klaslokaal", "situation", "kringgesprek",
                "statements", List.of(Map.of("text", "Vertelt dat hij vaak alleen thuis is", "kind", "FACT", "origin", "OWN_OBSERVATION")),
                "othersPresent", List.of(), "category", "HOME_SITUATION", "flags", List.of())).path("signalId").asText();
        String caseId = post("ib-" + letter, system.signalServiceUrl() + "/api/pupils/" + pupil + "/escalations", Map.of(
                "schoolId", school, "signalIds", List.of(signal),
                "team", Map.of("casemanagerId", "ib-" + letter, "advisorId", "af-" + letter, "advisorSchoolId", school, "principalId", "dir-" + letter),
                "concern", "Vaak alleen thuis")).path("caseId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get("ib-" + letter, system.caseServiceUrl() + "/api/cases/" + caseId, null).has("caseId"));
        return caseId;
    }

    private static JsonNode get(String person, String url, String purpose) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", system.tokens().authorization(person));
        if (purpose != null) {
            request.header("X-Meldspoor-Purpose", purpose);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String person, String url, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Authorization", system.tokens().authorization(person))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
