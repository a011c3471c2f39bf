package nl.meldspoor.local.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The check every browser test makes of every page ({@link Browser#checkPage}) refuses what it is there to refuse: a
 * serious axe-core violation at either width, and a frame its axe-core mode would not look into. No local system needed.
 */
class AccessibilityCheckIT {

    private static final String HEAD = "<!doctype html><html lang=\"nl\"><head><title>Proef</title></head><body><main><h1>Proef</h1>";

    @Test
    void aPageWithoutAViolationPasses() throws Exception {
        try (Browser browser = Browser.open("accessibility-check")) {
            browser.driver().get(page(HEAD + "<p>Alles in orde.</p><button type=\"button\">Opslaan</button></main></body></html>"));
            assertThatCode(() -> browser.checkPage("in-orde")).doesNotThrowAnyException();
        }
    }

    @Test
    void aButtonWithoutANameIsRefused() throws Exception {
        try (Browser browser = Browser.open("accessibility-check")) {
            browser.driver().get(page(HEAD + "<button type=\"button\"></button></main></body></html>"));
            assertThatThrownBy(() -> browser.checkPage("knop-zonder-naam")).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("button-name").hasMessageContaining("critical");
        }
    }

    @Test
    void aFrameIsRefused() throws Exception {
        try (Browser browser = Browser.open("accessibility-check")) {
            browser.driver().get(page(HEAD + "<iframe title=\"Ingesloten\" srcdoc=\"<p>binnen</p>\"></iframe></main></body></html>"));
            assertThatThrownBy(() -> browser.checkPage("frame")).isInstanceOf(AssertionError.class).hasMessageContaining("has a frame");
        }
    }

    private static String page(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
