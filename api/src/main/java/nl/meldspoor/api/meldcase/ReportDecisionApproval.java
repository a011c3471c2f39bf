package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/** The principal's approval of a report decision, with optional remarks. */
public record ReportDecisionApproval(@PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String remarks) {
}
