package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import nl.meldspoor.local.LocalSystem;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The incident register in real headless Chromium against the shared local system with the demo board (UI.md screens
 * 13, 15, 16): the directeur records a bullying incident (a name as pseudonym is refused next to the field, input kept),
 * ticks the first of the five steps, takes the meldplicht's first step through "Controleer en bevestig", opens the
 * register, downloads its CSV and PDF with the browser's own session and reads them back, and opens a case's rapportage
 * and its PDF.
 */
class RegisterBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter LOCAL_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static LocalSystem system;

    @BeforeAll
    static void theSharedSystem() throws Exception {
        system = BrowserSystem.withDemoBoard();
    }

    @Test
    void theDirecteurRecordsAnIncidentTicksAStepAndTakesTheRegisterAndARapportageAwayAsCsvAndPdf() throws Exception {
        String pupil = "lln-reg" + Long.toString(System.nanoTime() % 100000, 36);
        try (Browser browser = Browser.open("register")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "dir-a");

            // Vandaag → Incident vastleggen; a name where a pseudonym belongs is refused next to the field, the input kept
            driver.findElement(By.linkText("Incident vastleggen")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Incident vastleggen"));
            browser.checkPage("incident-nieuw");
            String anHourAgo = LocalDateTime.now(SCHOOL_ZONE).minusHours(1).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTE);
            moment(driver, "occurredAt", anHourAgo);
            moment(driver, "firstKnownAt", anHourAgo);
            BrowserSteps.type(driver, "place", "speelplaats");
            new Select(driver.findElement(By.id("type"))).selectByValue("SERIOUS_BULLYING");
            driver.findElement(By.cssSelector("label[for='severity-1']")).click();
            new Select(driver.findElement(By.id("parties[0].role"))).selectByValue("PUPIL_VICTIM");
            BrowserSteps.type(driver, "parties[0].ref", "Jan Jansen");
            new Select(driver.findElement(By.id("parties[1].role"))).selectByValue("PUPIL_PERPETRATOR");
            BrowserSteps.type(driver, "parties[1].ref", pupil + "-p");
            BrowserSteps.type(driver, "description", "Tijdens de pauze herhaaldelijk uitgescholden en geduwd.");
            BrowserSteps.type(driver, "immediateMeasures", "Beide leerlingen apart genomen.");
            submit(driver, "form-incident");
            wait.until(ExpectedConditions.titleContains("Fout: "));
            assertThat(driver.findElement(By.cssSelector(".govuk-error-summary")).getText()).contains("nooit een naam");
            assertThat(driver.findElement(By.id("description")).getAttribute("value")).isEqualTo("Tijdens de pauze herhaaldelijk uitgescholden en geduwd.");
            browser.checkPage("incident-weigering");
            BrowserSteps.type(driver, "parties[0].ref", pupil);
            submit(driver, "form-incident");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Incident"));
            String incidentUrl = driver.getCurrentUrl();
            String incidentId = incidentUrl.substring(incidentUrl.lastIndexOf('/') + 1);
            assertThat(driver.findElement(By.id("protocol")).getText()).contains("1. Gesprek met de gepeste leerling", "5. Ouders betrekken, met een kindcontract",
                    "Nog niet");
            browser.checkPage("incident");

            // tick step 1 of the vijfstappenaanpak
            driver.findElement(By.linkText("1. Gesprek met de gepeste leerling")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Stap van de vijfstappenaanpak vastleggen"));
            browser.checkPage("incident-pesten-stap");
            moment(driver, "takenAt", LocalDateTime.now(SCHOOL_ZONE).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTE));
            BrowserSteps.type(driver, "informed", "ouders, directie");
            submit(driver, "form-pesten");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "vastgelegd."));
            assertThat(driver.findElement(By.id("protocol")).getText()).contains("Gezet op", "dir-a (directeur)", "geïnformeerd: ouders, directie");

            // the meldplicht: the first step, checked and confirmed on its own page
            meldplichtFirstStep(browser, driver, wait, anHourAgo);

            // the register: the incident arrives once the read side has it
            driver.get(system.webUrl() + "/incidenten?soort=SERIOUS_BULLYING");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("#register a[href$='/incidenten/" + incidentId + "']")).isEmpty();
            });
            assertThat(driver.findElement(By.id("filter-line")).getText()).isEqualTo("Filter: alle periodes; soort: Grove pesterijen; elke voortgang.");
            browser.checkPage("register");

            String cookies = driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue()).collect(Collectors.joining("; "));
            HttpResponse<byte[]> csv = download(cookies, driver.findElement(By.id("csv")).getAttribute("href"));
            assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            String csvText = new String(csv.body(), StandardCharsets.UTF_8);
            assertThat(csvText).contains("soort incident", incidentId, "Grove pesterijen").doesNotContain("Vernieling");

            HttpResponse<byte[]> pdf = download(cookies, driver.findElement(By.id("pdf")).getAttribute("href"));
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(text(pdf.body())).contains("Incidentenregister school-a", "Filter: alle periodes; soort: Grove pesterijen; elke voortgang.",
                    "Gebeurd op", "Voortgang", "Grove pesterijen", "Pestprotocol").doesNotContain("Vernieling");

            // a case's rapportage meldcode, linked from the case workspace, on screen and as PDF
            String caseId = aCaseOfSchoolA();
            driver.get(system.webUrl() + "/dossiers/" + caseId);
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Dossier"));
            driver.findElement(By.id("rapportage-link")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Rapportage meldcode"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Stap 1: Signalen in kaart brengen", "Gedocumenteerd:");
            browser.checkPage("rapportage");
            HttpResponse<byte[]> rapportage = download(cookies, driver.findElement(By.id("pdf")).getAttribute("href"));
            assertThat(text(rapportage.body())).contains("Rapportage meldcode", caseId, "Stap 1: Signalen in kaart brengen", "Gedocumenteerd:");
        }
    }

    /**
     * The vertrouwenspersoon reports a suspected sexual offence by a staff member and tells the board; the board's contact
     * person opens it from the inbox and records that the vertrouwensinspecteur was consulted (DOMAIN.md §1, §3).
     */
    @Test
    void theConfidantReportsAMeldplichtIncidentAndTheBoardOfficerTakesTheNextStepFromTheInbox() throws Exception {
        try (Browser browser = Browser.open("meldplicht")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "icp-a");
            meldplichtFirstStep(browser, driver, wait, LocalDateTime.now(SCHOOL_ZONE).minusHours(2).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTE));
            String incidentId = driver.getCurrentUrl().replaceAll(".*/incidenten/([^/?#]+).*", "$1");
            BrowserSteps.signOut(driver, wait);

            BrowserSteps.signIn(system, driver, wait, "bo-bestuur");
            driver.findElement(By.linkText("Inbox")).click();
            By alert = By.cssSelector("a[href$='/incidenten/" + incidentId + "']");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(alert).isEmpty();
            });
            browser.checkPage("bestuur-inbox");
            driver.findElement(alert).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Incident"));
            driver.findElement(By.linkText("2. Vertrouwensinspecteur geraadpleegd")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Meldplicht: vertrouwensinspecteur geraadpleegd"));
            moment(driver, "takenAt", LocalDateTime.now(SCHOOL_ZONE).minusMinutes(3).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTE));
            BrowserSteps.type(driver, "informed", "bestuur, vertrouwensinspecteur");
            driver.findElement(By.cssSelector("label[for='reasonableSuspicion-nee']")).click();
            submit(driver, "form-meldplicht");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            driver.findElement(By.cssSelector("#form-bevestig button[value='bevestig']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "vastgelegd."));
            assertThat(driver.findElement(By.id("protocol")).getText()).contains("bo-bestuur");
            browser.checkPage("bestuur-meldplicht");
        }
    }

    /** dir-a records a suspected offence by a staff member and tells the board: the step is shown once more before it is sent. */
    private static void meldplichtFirstStep(Browser browser, WebDriver driver, WebDriverWait wait, String when) throws Exception {
        driver.get(system.webUrl() + "/incidenten/nieuw");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Incident vastleggen"));
        moment(driver, "occurredAt", when);
        moment(driver, "firstKnownAt", when);
        BrowserSteps.type(driver, "place", "gymzaal");
        new Select(driver.findElement(By.id("type"))).selectByValue("SEXUAL_OFFENCE_BY_STAFF");
        driver.findElement(By.cssSelector("label[for='severity-1']")).click();
        new Select(driver.findElement(By.id("parties[0].role"))).selectByValue("STAFF_PERPETRATOR");
        BrowserSteps.type(driver, "parties[0].ref", "staff-browser");
        BrowserSteps.type(driver, "description", "Een ouder meldt grensoverschrijdend gedrag van een medewerker.");
        BrowserSteps.type(driver, "immediateMeasures", "De medewerker heeft geen contact meer met leerlingen.");
        submit(driver, "form-incident");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Incident"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Meld dit direct aan het bestuur. Alleen de schoolleiding inlichten is niet genoeg.");
        browser.checkPage("meldplicht");
        driver.findElement(By.linkText("1. Bestuur geïnformeerd")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Meldplicht: bestuur geïnformeerd"));
        moment(driver, "takenAt", LocalDateTime.now(SCHOOL_ZONE).minusMinutes(5).truncatedTo(ChronoUnit.MINUTES).format(LOCAL_MINUTE));
        BrowserSteps.type(driver, "informed", "bestuur");
        browser.checkPage("meldplicht-stap");
        submit(driver, "form-meldplicht");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
        browser.checkPage("meldplicht-controleer");
        driver.findElement(By.cssSelector("#form-bevestig button[value='bevestig']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "vastgelegd."));
        assertThat(driver.findElement(By.id("protocol")).getText()).contains("Gezet op", "minuten nadat de school het wist");
    }

    /** A datetime-local field: typing into it depends on the browser's locale, so the value is set as the form sends it. */
    private static void moment(WebDriver driver, String id, String value) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", driver.findElement(By.id(id)), value);
    }

    private static void submit(WebDriver driver, String form) {
        driver.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    }

    /** A download with the browser's own session, as the browser would fetch it. */
    private static HttpResponse<byte[]> download(String cookies, String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** One of the demo board's cases at school-a, as the reporting-service lists them for the directeur. */
    private static String aCaseOfSchoolA() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(system.reportingServiceUrl() + "/api/schools/school-a/cases?status=OPEN&size=5"))
                .header("Authorization", system.tokens().authorization("dir-a")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cases = JSON.readTree(response.body()).path("cases");
        assertThat(cases.size()).isPositive();
        return cases.get(0).path("caseId").asText();
    }
}
