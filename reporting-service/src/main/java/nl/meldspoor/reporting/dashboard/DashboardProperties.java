package nl.meldspoor.reporting.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param suppressionThreshold above school level, counts from 1 up to (not including) this number are
 *                             suppressed, so nobody can be re-identified from a small number
 */
@ConfigurationProperties("meldspoor.dashboards")
public record DashboardProperties(Integer suppressionThreshold) {

    public DashboardProperties {
        suppressionThreshold = suppressionThreshold == null ? 5 : suppressionThreshold;
    }
}
