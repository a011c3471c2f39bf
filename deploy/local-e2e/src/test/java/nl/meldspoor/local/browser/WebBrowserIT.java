package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import nl.meldspoor.local.LocalSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in real headless Chromium against the local system: the issuer's sign-in page, the services
 * called with the person's own token, sign-out at the issuer too.
 */
class WebBrowserIT {

    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = BrowserSystem.withDemoBoard();
    }

    @Test
    void aTeacherSignsInOnAPhoneSeesVandaagRecordsADisclosureAndSignsOut() throws Exception {
        try (Browser browser = Browser.open("teacher")) {
            WebDriver driver = browser.driver();
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            driver.get(system.webUrl());
            wait.until(ExpectedConditions.urlContains("/login"));
            assertThat(driver.getCurrentUrl()).startsWith(system.issuerUrl());
            assertThat(driver.getPageSource()).contains("lk-a", "leerkracht");
            browser.checkPage("issuer-sign-in");

            driver.findElement(By.id("username")).sendKeys("lk-a");
            driver.findElement(By.id("password")).sendKeys("demo");
            driver.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1")));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Vandaag"));
            assertThat(driver.getCurrentUrl()).startsWith(system.webUrl());
            assertThat(driver.findElement(By.cssSelector(".govuk-caption-l")).getText()).isEqualTo("leerkracht · school-a");
            assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
            assertThat(driver.manage().getCookieNamed("MELDSPOOR_SESSION").isHttpOnly()).isTrue();
            browser.checkPage("vandaag");

            recordADisclosure(browser, wait);

            driver.get(system.webUrl() + "/inbox");
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Inbox"));
            browser.checkPage("inbox");

            driver.get(system.webUrl() + "/dossiers/bestaat-niet");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Deze pagina bestaat niet of je hebt er geen toegang toe."));
            browser.checkPage("niet-gevonden");

            driver.findElement(By.xpath("//button[normalize-space()='Afmelden']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Je bent afgemeld"));
            assertThat(driver.getCurrentUrl()).isEqualTo(system.webUrl() + "/afgemeld");
            browser.checkPage("afgemeld");

            // signed out at the issuer too: the next visit asks for the password again
            driver.get(system.webUrl());
            wait.until(ExpectedConditions.urlContains("/login"));
            assertThat(driver.findElement(By.id("password")).isDisplayed()).isTrue();
        }
    }

    /**
     * Flow A of UI.md: the pupil by name with the look-back, a mark on the body map, the disclosure with its banner
     * before saving, the check page, the service's advice.
     */
    private static void recordADisclosure(Browser browser, WebDriverWait wait) throws Exception {
        WebDriver driver = browser.driver();
        driver.findElement(By.linkText("Signaal vastleggen")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Signaal vastleggen"));
        browser.checkPage("signaal-vastleggen");

        // the demo board registers pupils with these given names, spread over the schools
        boolean found = false;
        for (String name : java.util.List.of("Sanne", "Daan", "Noor", "Lucas", "Emma", "Milan", "Julia", "Sem", "Tess", "Finn", "Lotte")) {
            driver.findElement(By.id("naam")).clear();
            driver.findElement(By.id("naam")).sendKeys(name.substring(0, 3));
            driver.findElement(By.xpath("//button[normalize-space()='Zoek']")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Signaal vastleggen"));
            if (!driver.findElements(By.id("leerling-0")).isEmpty()) {
                driver.findElement(By.cssSelector("label[for='leerling-0']")).click();
                found = true;
                break;
            }
        }
        assertThat(found).as("a demo pupil at school-a").isTrue();
        // flow A step 1: the look-back appears as the pupil is chosen (htmx), before anything is typed
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("terugblik-titel")));
        String lookBack = driver.findElement(By.id("terugblik")).getText();
        assertThat(lookBack).contains("Eerdere signalen")
                .containsAnyOf("Er zijn geen eerdere signalen", "Bespreek dit met de intern begeleider of de aandachtsfunctionaris.");
        assertThat(lookBack).as("a teacher never reads the signals themselves").doesNotContain("Van deze leerling", "Soort zorg");
        browser.checkPage("signaal-terugblik");
        driver.findElement(By.id("plaats")).sendKeys("gymzaal");
        driver.findElement(By.id("situatie")).sendKeys("omkleden voor gym");
        driver.findElement(By.cssSelector("label[for='categorie1']")).click();
        driver.findElement(By.id("uitspraken0.tekst")).sendKeys("Ze zei: papa slaat me als ik huil");
        placeABodyMark(browser, wait);
        assertThat(driver.findElement(By.cssSelector(".meldspoor-urgent--when-flagged")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("label[for='onthulling1']")).click();
        // the urgent path interrupts at once, before saving
        assertThat(driver.findElement(By.cssSelector(".meldspoor-urgent--when-flagged")).isDisplayed()).isTrue();
        browser.checkPage("signaal-urgent");

        // flow A step 4: Controleer → Opslaan; "Wijzigen" goes back to the form with everything kept
        driver.findElement(By.id("controleren")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer het signaal"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("gymzaal", "omkleden voor gym", "Thuissituatie",
                "Ze zei: papa slaat me als ik huil", "Feit: wat je zag of hoorde", "arm links, voorkant", "blauwe plek boven de elleboog",
                "Onthulling", "Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.");
        browser.checkPage("signaal-controleren");
        driver.findElement(By.cssSelector("button[name='wijzig'][value='plaats']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Signaal vastleggen"));
        assertThat(driver.findElement(By.id("plaats")).getAttribute("value")).isEqualTo("gymzaal");
        assertThat(driver.findElement(By.id("markeringen0.omschrijving")).getAttribute("value")).isEqualTo("blauwe plek boven de elleboog");
        // the field to change has the focus (its caret at the start): type it anew
        driver.findElement(By.id("plaats")).clear();
        driver.findElement(By.id("plaats")).sendKeys("gymzaal bij de kleedkamer");
        driver.findElement(By.id("controleren")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Controleer het signaal"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("gymzaal bij de kleedkamer");

        driver.findElement(By.id("opslaan")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Signaal vastgelegd"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Urgent: neem nu contact op met Veilig Thuis. Voer niet eerst een gesprek met de ouders.", "Veilig Thuis (0800-2000)");
        browser.checkPage("signaal-vastgelegd");
        driver.findElement(By.linkText("Naar Vandaag")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Vandaag"));
    }

    /**
     * The body map: "Markering toevoegen" and "Plek kiezen" by keyboard-usable lists (no script needed), then a tap on
     * the figure that adds a second mark with its place; the table numbers both; the second is removed again.
     */
    private static void placeABodyMark(Browser browser, WebDriverWait wait) throws Exception {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("markering-toevoegen")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("markeringen0.plek")));
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("markeringen0.plek"))).selectByVisibleText("arm");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("markeringen0.aanzicht"))).selectByVisibleText("Voorkant");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("markeringen0.zijde"))).selectByVisibleText("Links");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("markeringen0.soort"))).selectByVisibleText("blauwe plek");
        driver.findElement(By.id("markeringen0.grootte")).sendKeys("3");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("markeringen0.kleur"))).selectByVisibleText("blauw");
        driver.findElement(By.id("markeringen0.omschrijving")).sendKeys("blauwe plek boven de elleboog");

        // a tap on the figure only fills in a place: here it adds mark 2 on the right foot, seen from the back
        driver.findElement(By.cssSelector("#figuur-BACK rect[data-plek='FOOT'][data-zijde='RIGHT']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("markeringen1.plek")));
        String table = driver.findElement(By.cssSelector(".meldspoor-bodymap__table")).getText();
        assertThat(table).contains("arm links, voorkant", "blauwe plek", "3 cm", "blauw", "blauwe plek boven de elleboog", "voet rechts, achterkant");
        assertThat(driver.findElements(By.cssSelector(".meldspoor-bodymap__dot"))).hasSize(2);
        assertThat(driver.findElement(By.id("uitspraken0.tekst")).getAttribute("value")).isEqualTo("Ze zei: papa slaat me als ik huil");
        browser.checkPage("lichaamskaart");

        driver.findElement(By.xpath("//button[normalize-space()='Markering 2 verwijderen']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("markeringen1.plek")));
        assertThat(driver.findElements(By.cssSelector(".meldspoor-bodymap__dot"))).hasSize(1);
        assertThat(driver.findElement(By.id("plaats")).getAttribute("value")).isEqualTo("gymzaal");
    }
}
