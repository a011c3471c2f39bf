package nl.meldspoor.platform.testing.security;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every service started in a test at the {@link TestIssuer} (and gives it a metrics scrape
 * credential and the service credentials with which the services have texts opened), unless the test configures an
 * issuer itself. Registered in the test jar's {@code META-INF/spring.factories}, so it never reaches
 * a production classpath.
 */
public class TestIssuerProperties implements EnvironmentPostProcessor {

    /** The metrics scrape credential of every service started in a test. */
    public static final String SCRAPE_USERNAME = "prometheus";
    public static final String SCRAPE_PASSWORD = "test-scrape-secret";
    /** The credential every service started in a test shows the holders of keys (one secret for all services in tests). */
    public static final String SERVICE_CREDENTIAL = "test-service-credential";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("meldspoor-test-issuer", Map.of(
                "spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.issuer(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestIssuer.jwkSetUri(),
                "meldspoor.metrics.scrape-password", SCRAPE_PASSWORD,
                "MELDSPOOR_SERVICE_CREDENTIAL_CASE_SERVICE", SERVICE_CREDENTIAL,
                "MELDSPOOR_SERVICE_CREDENTIAL_REPORTING_SERVICE", SERVICE_CREDENTIAL)));
    }
}
