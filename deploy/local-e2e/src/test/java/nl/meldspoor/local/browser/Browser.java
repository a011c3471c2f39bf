package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.naming.OperationNotSupportedException;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium for the browser tests: Debian's {@code chromium} and {@code chromedriver}, never a browser
 * downloaded by Selenium. Without them the test is skipped (a JUnit assumption) with the command that installs them.
 * Every page checked is saved as a screenshot at phone and desktop width under {@code target/browser} and checked with
 * axe-core: no serious or critical violation.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final String INSTALL = "apt-get install -y chromium chromium-driver";
    public static final int PHONE = 390;
    public static final int DESKTOP = 1280;
    private static final int HEIGHT = 844;
    private static final List<String> BLOCKING = List.of("serious", "critical");
    private static final String AXE_SOURCE = axeSource();

    private final ChromeDriver driver;
    private final Path screenshots;
    private int shots;

    private Browser(ChromeDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Skips the calling test, with the install command, where Chromium or its driver is missing. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "Browser tests skipped: no " + CHROMIUM + " or " + CHROMEDRIVER + ". Install them with: " + INSTALL);
    }

    /** A phone-sized headless Chromium; screenshots go to {@code target/browser/<test>}. */
    public static Browser open(String test) throws IOException {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // root needs --no-sandbox; /dev/shm is small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=" + PHONE + "," + HEIGHT,
                "--lang=nl-NL", "--disable-gpu", "--no-first-run", "--password-store=basic");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Path screenshots = Path.of("target", "browser", test);
        Files.createDirectories(screenshots);
        // only this run's pages: a stale screenshot would pass for a page the run never reached
        try (var old = Files.list(screenshots)) {
            for (Path file : old.filter(file -> file.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        }
        return new Browser(driver, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public void width(int width) {
        driver.manage().window().setSize(new Dimension(width, HEIGHT));
    }

    /** The page as it is now, at phone and desktop width: a screenshot of each and no serious or critical axe-core violation. */
    public void checkPage(String name) throws IOException {
        assertThat(driver.findElements(By.cssSelector("iframe, frame")))
                .as("%s has a frame: axe-core checks frames only in its frame mode (see axe())", driver.getCurrentUrl()).isEmpty();
        injectAxe();
        for (int width : List.of(PHONE, DESKTOP)) {
            width(width);
            screenshot(name + "-" + width);
            Results results = axe().analyze(driver);
            List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
            assertThat(blocking).as("axe-core on %s at %d px: %s", driver.getCurrentUrl(), width, describe(blocking)).isEmpty();
        }
        width(PHONE);
        assertNoGdsTransport();
    }

    /**
     * axe-core run in the page itself (legacy mode: our pages have no frames, so the default's extra blank tab, where
     * frame results are put together, only costs time) and asked for the violations' details only: about a third less
     * time per check, the same rules and the same violations. The builder does not inject axe-core itself — in legacy
     * mode it would send its 550 kB twice per check — {@link #injectAxe()} does, once per page.
     */
    private static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeBuilder axe = new AxeBuilder().setLegacyMode(true).disableIframeTesting().withOptions(options);
        axe.setInjectAxe(alreadyInjected -> { }, false);
        return axe;
    }

    /** The axe-core the builder brings (its bundled {@code axe.min.js}). */
    private static String axeSource() {
        try {
            return new AxeBuilder().getAxeScriptProvider().getScript();
        } catch (OperationNotSupportedException | IOException e) {
            throw new IllegalStateException("axe-core's script is not on the test class path", e);
        }
    }

    /** axe-core into the page as it is now, unless it is there already (a page htmx changed keeps it). */
    private void injectAxe() {
        if (!Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return typeof window.axe === 'object'"))) {
            ((JavascriptExecutor) driver).executeScript(AXE_SOURCE);
        }
    }

    /** UI.md: a system font stack on every element, never GDS Transport. */
    private void assertNoGdsTransport() {
        Object fonts = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(new Set(Array.from(document.querySelectorAll('body, body *')).map(e => getComputedStyle(e).fontFamily)))");
        assertThat(String.valueOf(fonts)).doesNotContain("GDS Transport");
    }

    public Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
