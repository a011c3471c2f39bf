package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** Whether it was checked which other children live in the household and who cares for them. */
public record Kindcheck(boolean performed, @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String outcome) {
}
