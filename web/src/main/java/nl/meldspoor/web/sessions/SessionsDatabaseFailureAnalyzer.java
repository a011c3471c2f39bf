package nl.meldspoor.web.sessions;

import nl.meldspoor.web.sessions.SessionsDatabaseRequired.NoSessionsDatabaseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when the web application has no database for its sessions, instead of a stack trace. */
class SessionsDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<NoSessionsDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, NoSessionsDatabaseException cause) {
        return new FailureAnalysis(
                "No database for the sessions: SPRING_DATASOURCE_URL is not set, and this jar does not contain the embedded engines "
                        + "(they are for the local system and tests only).",
                "Set SPRING_DATASOURCE_URL (with SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD) to the board's PostgreSQL. "
                        + "To run the web application on its own with an in-process PostgreSQL, add the engines to its class path: "
                        + "java -Dloader.path=embedded-engines/target/engines -jar web/target/web-0.1.0-SNAPSHOT-exec.jar",
                cause);
    }
}
