package nl.meldspoor.api.incident;

import jakarta.validation.constraints.NotBlank;
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
 * A step of the meldplicht as it was taken.
 *
 * @param takenAt             when the step was taken
 * @param informed            who was informed, as descriptions such as "bestuur", "ouders van de
 *                            leerling", "aangeklaagde" — never names; required when informing the parties
 * @param reasonableSuspicion only for {@link MeldplichtStep#INSPECTOR_CONSULTED}, and required there:
 *                            whether the vertrouwensinspecteur established a reasonable suspicion of
 *                            a sexual offence
 * @param fileReport          only for {@link MeldplichtStep#POLICE_REPORT_DECIDED}, and required there:
 *                            the board's decision to file a police report (aangifte)
 * @param rationale           only for {@link MeldplichtStep#POLICE_REPORT_DECIDED}, and required there
 * @param policeReference     only for {@link MeldplichtStep#POLICE_REPORT_FILED}, and required there
 */
public record MeldplichtStepDetails(
        @NotNull MeldplichtStep step,
        @NotNull @PastOrPresent Instant takenAt,
        @PersonalData
        @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String> informed,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String notes,
        Boolean reasonableSuspicion,
        Boolean fileReport,
        @PersonalData @Size(max = Limits.LONG_TEXT, message = Limits.TOO_LONG) String rationale,
        @Pattern(regexp = Identifiers.EXTERNAL_REFERENCE)
        @Size(max = Limits.IDENTIFIER, message = Limits.TOO_LONG) String policeReference) {

    public MeldplichtStepDetails {
        informed = informed == null ? List.of() : List.copyOf(informed);
    }
}
