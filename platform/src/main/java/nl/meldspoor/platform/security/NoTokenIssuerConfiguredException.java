package nl.meldspoor.platform.security;

/**
 * A service was started without the board's token issuer. It refuses to start rather than run with every
 * request refused; {@link NoTokenIssuerFailureAnalyzer} turns this into one clear message without a stack trace.
 */
public class NoTokenIssuerConfiguredException extends RuntimeException {

    static final String VARIABLE = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";

    NoTokenIssuerConfiguredException() {
        super("No token issuer configured: set " + VARIABLE + " (spring.security.oauth2.resourceserver.jwt.issuer-uri) "
                + "to the board's OIDC issuer");
    }
}
