package nl.meldspoor.api.signal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.common.RuleViolation;

/**
 * One mark on the body map of a signal (DOMAIN.md §2, UI.md §4): where it was seen, what it looked like and a short
 * factual description. Never a photo and never a date of the injury: dating an injury is letselduiding, not for
 * school staff.
 *
 * @param side        from the child's side; required (LEFT or RIGHT) where the region has sides
 * @param sizeCm      the approximate size in centimetres, when estimated
 * @param description what was seen, as a fact
 */
public record BodyMark(
        @NotNull BodyRegion region,
        @NotNull BodyView view,
        BodySide side,
        @NotNull InjuryKind kind,
        @DecimalMin(value = "0.1", message = "moet minstens 0,1 cm zijn") @DecimalMax(value = "100", message = "mag ten hoogste 100 cm zijn") Double sizeCm,
        InjuryColour colour,
        @PersonalData @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String description) {

    /** The largest mark in centimetres: a mark larger than this is a region, not a mark. */
    public static final double LARGEST_CM = 100;

    /**
     * Refuses a mark that breaks a rule of the body map.
     *
     * @param field path of this mark in the request, e.g. {@code bodyMap[0]}
     */
    public void requireValid(String field) {
        if (region == null) {
            throw RuleViolation.of(SignalRule.BODY_MARK_FIELD_REQUIRED, field + ".region");
        }
        if (view == null) {
            throw RuleViolation.of(SignalRule.BODY_MARK_FIELD_REQUIRED, field + ".view");
        }
        if (kind == null) {
            throw RuleViolation.of(SignalRule.BODY_MARK_FIELD_REQUIRED, field + ".kind");
        }
        if (region.sided() && side != BodySide.LEFT && side != BodySide.RIGHT) {
            throw RuleViolation.of(SignalRule.BODY_MARK_SIDE_REQUIRED, field + ".side");
        }
        if (sizeCm != null && (sizeCm.isNaN() || sizeCm < 0.1 || sizeCm > LARGEST_CM)) {
            throw RuleViolation.of(SignalRule.BODY_MARK_SIZE_OUT_OF_RANGE, field + ".sizeCm");
        }
    }
}
