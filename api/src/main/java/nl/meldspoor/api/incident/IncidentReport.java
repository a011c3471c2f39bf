package nl.meldspoor.api.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;

/**
 * What the incident register records of one incident (DOMAIN.md §3).
 *
 * @param occurredAt        when the incident happened
 * @param firstKnownAt      when the school first learned of it; the meldplicht is measured from here
 * @param parties           who was involved, by role and pseudonymous reference
 * @param immediateMeasures what was done at once
 * @param parentsInformed   how and when the parents were told, if that already happened when recording
 * @param policeInvolved    whether the police were involved
 * @param policeReference   the police's reference, if there is one
 * @param followUp          the follow-up agreed, if any yet
 */
public record IncidentReport(
        @Pattern(regexp = Identifiers.ORGANISATION_ID)
        @NotBlank @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String schoolId,
        @NotNull @PastOrPresent Instant occurredAt,
        @NotNull @PastOrPresent Instant firstKnownAt,
        @NotBlank @PersonalData @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String place,
        @NotNull IncidentType type,
        @NotNull Severity severity,
        @NotEmpty @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@Valid @NotNull InvolvedParty> parties,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String description,
        @NotBlank @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String immediateMeasures,
        @Valid ParentsInformed parentsInformed,
        boolean policeInvolved,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String policeReference,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String followUp) {

    public IncidentReport {
        parties = parties == null ? null : List.copyOf(parties);
    }
}
