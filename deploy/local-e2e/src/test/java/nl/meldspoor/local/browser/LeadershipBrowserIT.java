package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.meldspoor.local.LocalSystem;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Screen 17 in real headless Chromium against the local system with the demo board: the directeur's school dashboard,
 * the cluster director's schools side by side (small counts as "minder dan 5", a pupil or case page as not found) and the
 * board's comparison per school. Desktop screenshots land in target/browser/leadership-* (the README's come from there).
 */
class LeadershipBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalSystem system;

    @BeforeAll
    static void theSharedSystem() throws Exception {
        system = BrowserSystem.withDemoBoard();
    }

    @Test
    void theDirecteurSeesTheSchoolDashboardWithChartsTablesAndTheDeadlines() throws Exception {
        try (Browser browser = Browser.open("leadership-school")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = signIn(driver, "dir-a");

            driver.findElement(By.linkText("Dashboard van de school en termijnen")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "OBS De Vlinder"));
            // the read side follows the demo board a moment later: wait until the school's signals are counted
            awaitOnRefresh(driver, () -> !driver.findElements(By.cssSelector("#trend-signalen rect.meldspoor-chart__bar")).isEmpty());

            assertThat(driver.findElements(By.cssSelector("figure.meldspoor-chart svg"))).hasSizeGreaterThanOrEqualTo(9);
            assertThat(driver.findElements(By.cssSelector("figure.meldspoor-chart table caption"))).hasSizeGreaterThanOrEqualTo(9);
            assertThat(driver.findElement(By.id("kerncijfers")).getText()).contains("Signalen vastgelegd", "Dossiers geopend");
            assertThat(driver.findElement(By.id("termijnen")).getText()).contains("Termijnen van de school");
            // the trend per signal category (a chart and a table each) and the documentation per step
            assertThat(driver.findElements(By.cssSelector("#per-maand-categorie figure.meldspoor-chart table caption"))).hasSize(4);
            assertThat(driver.findElement(By.id("documentatie-stap")).getText())
                    .contains("Stap 1: signalen in kaart brengen", "Stap 5: beslissen over melden en hulp");
            // the period choice is a plain GET form
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("periode"))).selectByValue(schoolYearTerm(driver));
            driver.findElement(By.cssSelector("form.meldspoor-period button")).click();
            wait.until(ExpectedConditions.urlContains("periode="));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "OBS De Vlinder"));
            driver.get(system.webUrl() + "/dashboard/school/school-a");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "OBS De Vlinder"));
            browser.checkPage("dashboard-school");
            chartsScreenshot(browser, "dashboard-school", "trend-titel");
        }
    }

    @Test
    void theClusterDirectorSeesTheSchoolsSideBySideWithSmallCountsHiddenAndCannotOpenAPupilOrACase() throws Exception {
        String pupil = post("ib-a", system.signalServiceUrl() + "/api/schools/school-a/pupils",
                Map.of("givenName", "Noor", "familyName", "Dashboard", "birthDate", "2017-05-04", "group", 4)).path("pupilRef").asText();
        JsonNode openCases = get("dir-a", system.reportingServiceUrl() + "/api/schools/school-a/cases?status=OPEN&size=1").path("cases");
        try (Browser browser = Browser.open("leadership-cluster")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = signIn(driver, "cd-noord");

            driver.findElement(By.linkText("Dashboard van het cluster")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Cluster Noord"));
            awaitOnRefresh(driver, () -> !driver.findElements(By.cssSelector("#naast-elkaar td.meldspoor-suppressed")).isEmpty());

            WebElement sideBySide = driver.findElement(By.id("naast-elkaar"));
            assertThat(sideBySide.getText()).contains("OBS De Vlinder", "CBS De Regenboog", "SBO De Brug", "minder dan 5");
            for (WebElement hidden : driver.findElements(By.cssSelector("td.meldspoor-suppressed"))) {
                assertThat(hidden.getText()).isEqualTo("minder dan 5");
            }
            assertThat(driver.getPageSource()).doesNotContain("/leerlingen/", "/dossiers/");
            browser.checkPage("dashboard-cluster");
            chartsScreenshot(browser, "dashboard-cluster", "scholen-titel");

            driver.get(system.webUrl() + "/leerlingen/" + pupil + "/zorglogboek");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Pagina niet gevonden"));
            assertThat(driver.getPageSource()).doesNotContain("Noor");
            if (!openCases.isEmpty()) {
                driver.get(system.webUrl() + "/dossiers/" + openCases.get(0).path("caseId").asText());
                wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Pagina niet gevonden"));
            }
        }
        assertThat(openCases).as("the demo board has open cases at school-a").isNotEmpty();
    }

    @Test
    void theBoardComparesTheSchoolsUseOfTheMeldcode() throws Exception {
        try (Browser browser = Browser.open("leadership-board")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = signIn(driver, "bo-bestuur");

            driver.findElement(By.linkText("Dashboard van het bestuur")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Stichting Voorbeeldscholen"));
            awaitOnRefresh(driver, () -> !driver.findElements(By.cssSelector("#school-signalen rect.meldspoor-chart__bar")).isEmpty());

            String table = driver.findElement(By.id("gebruik-per-school")).getText();
            assertThat(table).contains("OBS De Vlinder", "IKC Het Kompas", "OBS De Linde", "Advies Veilig Thuis", "Volledig vastgelegd");
            assertThat(driver.findElements(By.cssSelector("#gebruik-per-school tbody tr"))).hasSize(5);
            assertThat(driver.getPageSource()).doesNotContain("/leerlingen/", "/dossiers/");
            browser.checkPage("dashboard-board");
            chartsScreenshot(browser, "dashboard-board", "augeo-titel");
        }
    }

    /** A desktop screenshot scrolled to the figures (the README shows these), not just the page's header. */
    private static void chartsScreenshot(Browser browser, String name, String headingId) throws java.io.IOException {
        browser.width(Browser.DESKTOP);
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView()", headingId);
        browser.screenshot(name + "-charts-" + Browser.DESKTOP);
        browser.width(Browser.PHONE);
    }

    private static String schoolYearTerm(WebDriver driver) {
        List<WebElement> options = driver.findElements(By.cssSelector("#periode option[value$='-T1']"));
        return options.get(0).getAttribute("value");
    }

    private static void awaitOnRefresh(WebDriver driver, java.util.concurrent.Callable<Boolean> shown) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (shown.call()) {
                return true;
            }
            driver.navigate().refresh();
            return shown.call();
        });
    }

    private static WebDriverWait signIn(WebDriver driver, String person) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(system.webUrl());
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(person);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Vandaag"));
        return wait;
    }

    private static JsonNode get(String person, String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Authorization", system.tokens().authorization(person)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode post(String person, String url, Object body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", system.tokens().authorization(person))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
