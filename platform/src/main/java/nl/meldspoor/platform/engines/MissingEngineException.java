package nl.meldspoor.platform.engines;

import java.util.List;

/** A service started without the address of an engine it uses and without the in-process engines; see {@link MissingEngineFailureAnalyzer}. */
public class MissingEngineException extends RuntimeException {

    private final List<String> variables;
    private final String service;

    MissingEngineException(List<String> variables, String service) {
        super("No address configured for " + String.join(", ", variables) + " and the embedded engines are not on the class path");
        this.variables = List.copyOf(variables);
        this.service = service;
    }

    /** The environment variables that would name the engines, e.g. {@code SPRING_DATASOURCE_URL}. */
    public List<String> variables() {
        return variables;
    }

    String service() {
        return service;
    }
}
