package nl.meldspoor.api.meldcase;

import jakarta.validation.constraints.NotBlank;

/**
 * The people responsible for a case: the casemanager (IB'er), the advisor (aandachtsfunctionaris,
 * possibly of a paired school: the "schaduw-AF") and the principal who is end-responsible for the
 * dossier and in whose name a report is made.
 */
public record CaseTeam(
        @NotBlank String casemanagerId,
        @NotBlank String advisorId,
        @NotBlank String advisorSchoolId,
        @NotBlank String principalId) {
}
