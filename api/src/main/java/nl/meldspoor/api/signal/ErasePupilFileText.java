package nl.meldspoor.api.signal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erase the free text a school recorded in a pupil's file of signals, once the retention period has
 * passed since the school's last entry (crypto-shredding), and no meldcode case still holds it. Sent by the
 * board's retention schedule.
 *
 * @param caseHolds     the pupil's cases at the school as the case-service's events told them so far; a case the file
 *                      escalated into but that is not among them counts as open
 * @param caseRetention how long a closed case keeps its text (and so the signals it holds)
 */
public record ErasePupilFileText(
        @TargetAggregateIdentifier @NotBlank String pupilRef,
        @NotBlank String schoolId,
        @NotNull Period retention,
        @NotNull Instant occurredAt,
        @NotNull List<CaseHold> caseHolds,
        @NotNull Period caseRetention) {

    public ErasePupilFileText {
        caseHolds = caseHolds == null ? List.of() : List.copyOf(caseHolds);
        caseRetention = caseRetention == null ? Period.ZERO : caseRetention;
    }

    /** Without news of any case: every case the file escalated into counts as open. */
    public ErasePupilFileText(String pupilRef, String schoolId, Period retention, Instant occurredAt) {
        this(pupilRef, schoolId, retention, occurredAt, List.of(), Period.ZERO);
    }
}
