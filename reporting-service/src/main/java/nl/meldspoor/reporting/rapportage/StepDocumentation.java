package nl.meldspoor.reporting.rapportage;

import java.util.List;

/**
 * How one step of the meldcode is documented, in Dutch.
 *
 * @param missing what should have been recorded by now and is not
 * @param toDo    what the step still waits for
 */
public record StepDocumentation(int step, String name, StepStatus status, List<String> missing, List<String> toDo) {

    public StepDocumentation {
        missing = missing == null ? List.of() : List.copyOf(missing);
        toDo = toDo == null ? List.of() : List.copyOf(toDo);
    }
}
