package nl.meldspoor.reporting.meldcase;

import java.time.Instant;
import nl.meldspoor.api.meldcase.MeldcodeCaseEvent;
import nl.meldspoor.api.meldcase.MeldcodeStep;

/** When a case first reached each step of the meldcode (business time), for the median days per step. */
public record StepDates(Instant step1, Instant step2, Instant step3, Instant step4, Instant step5) {

    public Instant of(int step) {
        return switch (step) {
            case 1 -> step1;
            case 2 -> step2;
            case 3 -> step3;
            case 4 -> step4;
            case 5 -> step5;
            default -> throw new IllegalArgumentException("No step " + step);
        };
    }

    /** These dates with the given step reached at {@code at}. */
    public StepDates with(int step, Instant at) {
        return new StepDates(step == 1 ? at : step1, step == 2 ? at : step2, step == 3 ? at : step3, step == 4 ? at : step4, step == 5 ? at : step5);
    }

    public static StepDates none() {
        return new StepDates(null, null, null, null, null);
    }

    /** These dates after the event: the step it worked on is reached at its time, unless reached before. */
    public StepDates after(MeldcodeCaseEvent event) {
        var step = MeldcodeStep.workedOn(event);
        return step.isPresent() && of(step.getAsInt()) == null ? with(step.getAsInt(), event.occurredAt()) : this;
    }
}
