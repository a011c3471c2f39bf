package nl.meldspoor.api.incident;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * A step of the meldplicht was taken, in its required order.
 *
 * @param minutesSinceFirstKnown minutes from the moment the school first learned of the incident to
 *                               this step, derived by the incident from its own history; for
 *                               {@link MeldplichtStep#BOARD_INFORMED} it shows whether the board was
 *                               told "at once"
 */
@Revision("2")
public record MeldplichtStepTaken(
        @Pattern(regexp = Identifiers.INCIDENT_ID)
        String incidentId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        Actor actor,
        Instant occurredAt,
        MeldplichtStepDetails details,
        int minutesSinceFirstKnown) implements IncidentEvent {
}
