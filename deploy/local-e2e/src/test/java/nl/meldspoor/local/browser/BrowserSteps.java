package nl.meldspoor.local.browser;

import nl.meldspoor.local.LocalSystem;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What every browser test does as a member of staff: sign in on the local issuer's page, type, sign out. */
final class BrowserSteps {

    private BrowserSteps() {
    }

    /** Opens the web application and signs in as the demo person (password {@code demo}) until Vandaag shows. */
    static void signIn(LocalSystem system, WebDriver driver, WebDriverWait wait, String person) {
        driver.get(system.webUrl());
        wait.until(ExpectedConditions.urlContains("/login"));
        driver.findElement(By.id("username")).sendKeys(person);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Vandaag"));
    }

    static void signOut(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.xpath("//button[normalize-space()='Afmelden']")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Je bent afgemeld"));
    }

    /** Replaces what the field holds with the text. */
    static void type(WebDriver driver, String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
