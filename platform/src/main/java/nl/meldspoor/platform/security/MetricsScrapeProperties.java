package nl.meldspoor.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one credential that may read {@code /actuator/prometheus}: HTTP Basic, never a staff token, because
 * the metrics show in real time what happens in the board (a {@code notifications_raised} of a meldplicht
 * incident). The password comes only from the environment ({@code MELDSPOOR_METRICS_SCRAPE_PASSWORD}); without
 * it no one can read the metrics.
 *
 * @param scrapeUsername the user name Prometheus sends
 * @param scrapePassword the scrape secret; empty = metrics closed to everyone
 */
@ConfigurationProperties("meldspoor.metrics")
public record MetricsScrapeProperties(String scrapeUsername, String scrapePassword) {

    public MetricsScrapeProperties {
        scrapeUsername = scrapeUsername == null || scrapeUsername.isBlank() ? "prometheus" : scrapeUsername.strip();
        scrapePassword = scrapePassword == null ? "" : scrapePassword;
    }

    boolean configured() {
        return !scrapePassword.isBlank();
    }
}
