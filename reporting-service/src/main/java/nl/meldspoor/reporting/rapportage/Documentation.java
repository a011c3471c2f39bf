package nl.meldspoor.reporting.rapportage;

import java.util.List;

/**
 * Whether each step of a case is documented (Augeo: boards want to see whether each step was
 * documented). {@code complete} means no step that the case reached lacks its documentation.
 */
public record Documentation(List<StepDocumentation> steps, boolean complete) {

    public Documentation {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
