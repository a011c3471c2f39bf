package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.time.Period;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import org.axonframework.serialization.Revision;

/**
 * The free text of the case was erased after its retention period: every text recorded until now is
 * unreadable everywhere; the facts (steps, dates, decisions) stay.
 *
 * @param closedAt  when the case was closed, the start of its retention period
 * @param retention the retention period that passed
 */
@Revision("1")
public record CaseTextErased(
        @Pattern(regexp = Identifiers.CASE_ID)
        String caseId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        String schoolId,
        @Pattern(regexp = Identifiers.PUPIL_REF)
        String pupilRef,
        Actor actor,
        Instant occurredAt,
        Instant closedAt,
        Period retention) implements MeldcodeCaseEvent {
}
