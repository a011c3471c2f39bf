package nl.meldspoor.platform.engines;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when a service has no engine to talk to, instead of a stack trace. */
class MissingEngineFailureAnalyzer extends AbstractFailureAnalyzer<MissingEngineException> {

    /** Where the build puts the embedded engines for a lone service's -Dloader.path. */
    static final String LOADER_PATH = "embedded-engines/target/engines";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingEngineException cause) {
        String variables = String.join(", ", cause.variables());
        return new FailureAnalysis(
                "No engine configured: " + variables + (cause.variables().size() == 1 ? " is" : " are")
                        + " not set, and this jar does not contain the embedded engines (they are for the local system and tests only).",
                "Set " + variables + " to the board's engines. To run this service on its own with in-process engines, add them to "
                        + "its class path: java -Dloader.path=" + LOADER_PATH + " -jar " + cause.service() + "/target/" + cause.service()
                        + "-0.1.0-SNAPSHOT-exec.jar (README: \"Every service also runs on its own\").",
                cause);
    }
}
