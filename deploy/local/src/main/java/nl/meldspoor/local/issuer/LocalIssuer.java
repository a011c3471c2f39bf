package nl.meldspoor.local.issuer;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local OIDC issuer (Spring Authorization Server) that gives the demo staff real tokens, so the
 * services check signatures, issuer and audience exactly as they do against the board's identity
 * provider. It exists only in deploy/local and starts only in the {@value LocalIssuerConfiguration#PROFILE} profile.
 */
public final class LocalIssuer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String url;

    private LocalIssuer(ConfigurableApplicationContext context, String url) {
        this.context = context;
        this.url = url;
    }

    public static LocalIssuer start(int port) {
        return start(port, null);
    }

    /** @param webClient the web application's registration, or null when no web application signs people in here */
    public static LocalIssuer start(int port, WebClientRegistration webClient) {
        String url = "http://localhost:" + port;
        Map<String, Object> properties = new HashMap<>(Map.of(
                "server.port", port,
                "spring.application.name", "meldspoor-local-issuer",
                "spring.security.oauth2.authorizationserver.issuer", url,
                "spring.main.banner-mode", "off",
                "spring.jmx.enabled", false,
                "spring.config.name", "local-issuer",
                // the web application's session cookie lives on the same host (cookies ignore ports): keep them apart
                "server.servlet.session.cookie.name", "MELDSPOOR_ISSUER_SESSION"));
        if (webClient != null) {
            properties.put(LocalIssuerConfiguration.WEB_CLIENT_ID, webClient.clientId());
            properties.put(LocalIssuerConfiguration.WEB_CLIENT_SECRET, webClient.clientSecret());
            properties.put(LocalIssuerConfiguration.WEB_BASE_URL, webClient.baseUrl());
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LocalIssuerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .profiles(LocalIssuerConfiguration.PROFILE)
                .properties(properties)
                .run();
        return new LocalIssuer(context, url);
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        context.close();
    }
}
