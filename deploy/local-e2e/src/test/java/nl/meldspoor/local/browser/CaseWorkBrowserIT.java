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
 * Flows B and C of UI.md in real headless Chromium against the local system (without the demo board, to stay quick):
 * the IB'er escalates on "Opschalen" choosing the team by name and role, walks the case through the steps, the
 * afwegingskader and the decision (each high-stakes form through "Controleer en bevestig"); the principal approves;
 * the timeline as known at an earlier moment shows the case as it was then. The case pages name the pupil.
 */
class CaseWorkBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final String PUPIL_NAME = "Kim Browser (groep 4)";

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        // the shared system with the demo board: the pupil and the case are the test's own
        system = BrowserSystem.withDemoBoard();
    }

    @Test
    void theIbErWalksAnEscalatedCaseToTheDecisionThePrincipalApprovesAndTheTimelineShowsAnEarlierState() throws Exception {
        String[] recorded = recordedSignal();
        String pupil = recorded[0];
        try (Browser browser = Browser.open("case-work")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            BrowserSteps.signIn(system, driver, wait, "ib-a");

            // Opschalen: the team chosen from the school's staff by name and role (a plain select: no script needed)
            driver.get(system.webUrl() + "/leerlingen/" + pupil + "/opschalen?signaal=" + recorded[1]);
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Opschalen"));
            BrowserSteps.type(driver, "zorg", "Blauwe plekken en teruggetrokken gedrag");
            assertThat(new Select(driver.findElement(By.id("casemanager"))).getFirstSelectedOption().getText()).isEqualTo("ib-a (IB'er)");
            new Select(driver.findElement(By.id("aandachtsfunctionaris"))).selectByVisibleText("af-a (aandachtsfunctionaris)");
            Select principal = new Select(driver.findElement(By.id("directeur")));
            assertThat(principal.getOptions()).extracting(WebElement::getText).contains("dir-a (directeur)").doesNotContain("lk-a (leerkracht)");
            principal.selectByVisibleText("dir-a (directeur)");
            browser.checkPage("opschalen");
            driver.findElement(By.xpath("//button[normalize-space()='Opschalen']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Opgeschaald"));
            String href = driver.findElement(By.linkText("Open het dossier")).getAttribute("href");
            String caseId = href.substring(href.lastIndexOf('/') + 1);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> get("ib-a", system.caseServiceUrl() + "/api/cases/" + caseId).has("caseId"));
            driver.get(system.webUrl());
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Vandaag"));

            // Vandaag → the school's cases (the reporting-service's list, which follows the case a moment later)
            driver.findElement(By.linkText("Dossiers van de school, per stap")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Dossiers"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("a[href$='/dossiers/" + caseId + "']")).isEmpty();
            });
            assertThat(driver.findElement(By.cssSelector("a[href$='/dossiers/" + caseId + "']")).getText()).isEqualTo(PUPIL_NAME);
            browser.checkPage("dossiers");
            driver.findElement(By.cssSelector("a[href$='/dossiers/" + caseId + "']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Dossier"));
            // the pupil by name, and the breadcrumb the real path
            assertThat(driver.findElement(By.id("leerling")).getText()).contains(PUPIL_NAME).doesNotContain(pupil);
            assertThat(driver.findElement(By.cssSelector("nav.govuk-breadcrumbs")).getText())
                    .contains("Vandaag", "Dossiers", "Dossier " + PUPIL_NAME).doesNotContain("Inbox");
            assertThat(driver.findElement(By.id("stap")).getText()).matches("Stap [1-5] van 5: .*");
            assertThat(driver.findElement(By.id("volgende-stap")).getText()).isEqualTo(nextStep(caseId));
            browser.checkPage("dossier");

            // step 1: a teacher joins the case, chosen by name and role
            open(driver, "Leerkracht toevoegen");
            new Select(driver.findElement(By.id("leerkracht-toevoegen-teacherId"))).selectByVisibleText("lk-a (leerkracht)");
            submit(driver, "form-leerkracht-toevoegen");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Leerkracht toevoegen: vastgelegd."));
            assertThat(driver.findElement(By.id("leerkrachten")).getText()).contains("lk-a");

            // step 2: the collegiale consultatie
            open(driver, "Collegiale consultatie vastleggen");
            BrowserSteps.type(driver, "collegiale-consultatie-colleagueId", "lk-a");
            BrowserSteps.type(driver, "collegiale-consultatie-colleagueCapacity", "leerkracht van de groep");
            BrowserSteps.type(driver, "collegiale-consultatie-discussed", "De blauwe plekken en het teruggetrokken gedrag");
            driver.findElement(By.cssSelector("label[for='collegiale-consultatie-sameSignalsSeen-0']")).click();
            submit(driver, "form-collegiale-consultatie");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Collegiale consultatie vastleggen: vastgelegd."));

            // step 3: the parent conversation; a refusal comes back next to its field with everything typed kept
            open(driver, "Gesprek met de ouders vastleggen (met kindcheck)");
            BrowserSteps.type(driver, "gesprek-ouders-staffPresent", "ib-a");
            BrowserSteps.type(driver, "gesprek-ouders-parentsPresent", "moeder");
            BrowserSteps.type(driver, "gesprek-ouders-concernsShared", "De blauwe plekken op de armen");
            driver.findElement(By.cssSelector("label[for='gesprek-ouders-kindcheck.performed']")).click();
            BrowserSteps.type(driver, "gesprek-ouders-kindcheck.outcome", "Broertje van 4");
            submit(driver, "form-gesprek-ouders");
            wait.until(ExpectedConditions.titleContains("Fout: "));
            assertThat(driver.findElement(By.id("gesprek-ouders--parentsReaction")).getText()).isNotBlank();
            assertThat(driver.findElement(By.id("gesprek-ouders-concernsShared")).getAttribute("value")).isEqualTo("De blauwe plekken op de armen");
            browser.checkPage("dossier-weigering");
            BrowserSteps.type(driver, "gesprek-ouders-parentsReaction", "Moeder herkent het niet");
            submit(driver, "form-gesprek-ouders");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "vastgelegd."));

            // step 4: the afwegingskader, one question at a time, with the service's meldnorm after each answer
            driver.findElement(By.linkText("Afwegingskader")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Afwegingskader"));
            browser.checkPage("afwegingskader");
            driver.findElement(By.cssSelector("label[for='afweging-answer-0']")).click();
            BrowserSteps.type(driver, "afweging-rationale", "Signalen, consultatie en gesprek bevestigen de zorg");
            driver.findElement(By.cssSelector("label[for='afweging-principalInformed']")).click();
            submit(driver, "form-afweging");
            // each afweging is checked before it is sent
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            assertThat(driver.findElement(By.id("controle")).getText()).contains("Signalen, consultatie en gesprek bevestigen de zorg", "Ja");
            browser.checkPage("controleer-afweging");
            confirm(driver);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Twijfel telt als ja."));
            // a moment after the first answer and before the second, to the second (the picker's precision)
            Instant then = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Awaitility.await().pollInterval(Duration.ofMillis(100)).until(() -> Instant.now().isAfter(then.plusMillis(200)));
            driver.findElement(By.cssSelector("label[for='afweging-answer-1']")).click();
            BrowserSteps.type(driver, "afweging-rationale", "Herhaling van letsel is niet uit te sluiten");
            submit(driver, "form-afweging");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            confirm(driver);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meldnorm")));
            assertThat(driver.findElement(By.id("meldnorm")).getText())
                    .contains("Melden is noodzakelijk: acute en/of structurele onveiligheid. Afweging 3–5 doe je samen met Veilig Thuis.");
            browser.checkPage("afwegingskader-meldnorm");

            // step 5: the two decisions, which go to the principal for approval
            driver.findElement(By.linkText("Besluit")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Besluit"));
            driver.findElement(By.cssSelector("label[for='besluit-reportNecessary-ja']")).click();
            driver.findElement(By.cssSelector("label[for='besluit-schoolCanOfferHelp-nee']")).click();
            BrowserSteps.type(driver, "besluit-rationale", "Meldnorm 1: twijfel over de veiligheid");
            submit(driver, "form-besluit");
            // "Controleer en bevestig": Wijzigen brings the filled form back, nothing typed lost
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            assertThat(driver.findElement(By.id("controle")).getText()).contains("Meldnorm 1: twijfel over de veiligheid");
            browser.checkPage("controleer-besluit");
            driver.findElement(By.cssSelector("#bevestigen button[name=wijzigen]")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Besluit"));
            assertThat(driver.findElement(By.id("besluit-rationale")).getAttribute("value")).isEqualTo("Meldnorm 1: twijfel over de veiligheid");
            assertThat(driver.findElement(By.id("besluit-reportNecessary-ja")).isSelected()).isTrue();
            assertThat(driver.findElement(By.id("besluit-schoolCanOfferHelp-nee")).isSelected()).isTrue();
            submit(driver, "form-besluit");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            confirm(driver);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("besluit"), "Wacht op goedkeuring van de directeur"));
            browser.checkPage("besluit");

            // the timeline as the school knew it after the first answer: the safety answer is not there yet
            driver.get(system.webUrl() + "/dossiers/" + caseId + "/tijdlijn?datum=" + LocalDateTime.ofInstant(then, SCHOOL_ZONE).toLocalDate()
                    + "&tijd=" + LocalDateTime.ofInstant(then, SCHOOL_ZONE).toLocalTime());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("zoals-bekend")));
            String earlier = driver.findElement(By.id("gebeurtenissen")).getText();
            assertThat(earlier).contains("Afweging 1 (vermoeden)").doesNotContain("Afweging 2 (veiligheid)").doesNotContain("Stap 5");
            assertThat(driver.findElement(By.id("zoals-bekend")).getText()).contains("Wat later is vastgelegd, is verborgen.");
            browser.checkPage("tijdlijn-eerder");
            driver.get(system.webUrl() + "/dossiers/" + caseId + "/tijdlijn");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gebeurtenissen"), "Afweging 2 (veiligheid)"));
            browser.checkPage("tijdlijn");
            // everyone who read the case, page by page: the IB'er's own reads arrive through the access log
            driver.get(system.webUrl() + "/dossiers/" + caseId + "/wie-keek");
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.id("wie-keek")).isEmpty();
            });
            assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Wie keek");
            assertThat(driver.findElement(By.id("wie-keek")).getText()).contains("ib-a (IB'er)", "stand van het dossier");
            browser.checkPage("wie-keek");

            BrowserSteps.signOut(driver, wait);

            // flow C: the principal approves from Vandaag
            BrowserSteps.signIn(system, driver, wait, "dir-a");
            driver.findElement(By.linkText("Besluiten die wachten op jouw goedkeuring")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Besluiten die wachten op jouw goedkeuring"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                driver.navigate().refresh();
                return !driver.findElements(By.cssSelector("a[href$='/dossiers/" + caseId + "/goedkeuring']")).isEmpty();
            });
            browser.checkPage("goedkeuringen");
            driver.findElement(By.cssSelector("a[href$='/dossiers/" + caseId + "/goedkeuring']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Goedkeuring"));
            String summary = driver.findElement(By.tagName("main")).getText();
            assertThat(summary).contains("Blauwe plekken op beide bovenarmen", "Afweging 2 (veiligheid)", "Melden is noodzakelijk",
                    "De melding wordt gedaan namens de directie.", "ib-a");
            browser.checkPage("goedkeuring");
            submit(driver, "form-goedkeuren");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer en bevestig"));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("De melding wordt gedaan namens de directie.");
            browser.checkPage("controleer-goedkeuren");
            confirm(driver);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("goedgekeurd")));
            browser.checkPage("goedgekeurd");
        }
    }

    private static void open(WebDriver driver, String section) {
        driver.findElement(By.xpath("//summary[normalize-space()='" + section + "']")).click();
    }

    private static void submit(WebDriver driver, String form) {
        driver.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    }

    /** "Bevestigen" on a "Controleer en bevestig" page. */
    private static void confirm(WebDriver driver) {
        driver.findElement(By.cssSelector("#bevestigen button[name=bevestigd]")).click();
    }

    /** A new pupil at school-a and a teacher's signal about them: {pupilRef, signalId}; the IB'er escalates it on screen. */
    private static String[] recordedSignal() throws Exception {
        String pupil = post("ib-a", system.signalServiceUrl() + "/api/schools/school-a/pupils",
                Map.of("givenName", "Kim", "familyName", "Browser", "birthDate", "2017-03-02", "group", 4)).path("pupilRef").asText();
        String signal = post("lk-a", system.signalServiceUrl() + "/api/pupils/" + pupil + "/signals", Map.of(
                "schoolId", "school-a", "observedAt", Instant.now().minusSeconds(3600).toString(), "place", "gymzaal", "situation", "omkleden voor gym",
                "statements", List.of(Map.of("text", "Blauwe plekken op beide bovenarmen", "kind", "FACT", "origin", "OWN_OBSERVATION")),
                "othersPresent", List.of(), "category", "HOME_SITUATION", "flags", List.of())).path("signalId").asText();
        return new String[] {pupil, signal};
    }

    private static String nextStep(String caseId) throws Exception {
        return get("ib-a", system.caseServiceUrl() + "/api/cases/" + caseId).path("nextSteps").get(0).asText();
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
