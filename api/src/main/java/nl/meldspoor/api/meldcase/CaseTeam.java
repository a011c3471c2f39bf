package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;

/**
 * The people responsible for a case: the casemanager (IB'er), the advisor (aandachtsfunctionaris,
 * possibly of a paired school: the "schaduw-AF") and the principal who is end-responsible for the
 * dossier and in whose name a report is made.
 */
public record CaseTeam(
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String casemanagerId,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String advisorId,
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String advisorSchoolId,
        @Pattern(regexp = Identifiers.PERSON_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String principalId) {
}
