package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import nl.meldspoor.local.LocalSettings;
import nl.meldspoor.local.LocalSystem;
import nl.meldspoor.local.TestPortsAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web application in real headless Chromium against the local system: the issuer's sign-in page, the services
 * called with the person's own token, sign-out at the issuer too.
 */
class WebBrowserIT {

    @TempDir
    static Path data;
    private static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Browser.assumeInstalled();
        Path root = Path.of(System.getProperty("meldspoor.local.root", "../..")).toAbsolutePath().normalize();
        system = new LocalSystem(new LocalSettings(root, data, TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(),
                TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), TestPortsAccess.free(), true, java.util.Map.of()));
        system.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aTeacherSignsInOnAPhoneSeesVandaagAndSignsOut() throws Exception {
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

            driver.findElement(By.linkText("Inbox")).click();
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
}
