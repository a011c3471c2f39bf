package nl.meldspoor.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says what to set when a service starts without an issuer, instead of a stack trace: the board's issuer, or
 * to try a service on its own, the local issuer of deploy/local started alone (README, "Every service also
 * runs on its own").
 */
class NoTokenIssuerFailureAnalyzer extends AbstractFailureAnalyzer<NoTokenIssuerConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoTokenIssuerConfiguredException cause) {
        return new FailureAnalysis(
                "No token issuer configured: every request needs a token of the board's OIDC issuer, and "
                        + NoTokenIssuerConfiguredException.VARIABLE + " is not set.",
                "Set " + NoTokenIssuerConfiguredException.VARIABLE + " to the board's issuer (e.g. the Keycloak realm URL). "
                        + "To run this service on its own, start the local issuer with the demo staff: "
                        + "java -jar deploy/local/target/meldspoor-local-0.1.0-SNAPSHOT-exec.jar --issuer-only, and set "
                        + NoTokenIssuerConfiguredException.VARIABLE + "=http://localhost:9000 (README: \"Every service also runs on its own\").",
                cause);
    }
}
