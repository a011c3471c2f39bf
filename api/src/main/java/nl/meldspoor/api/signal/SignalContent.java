package nl.meldspoor.api.signal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Identifiers;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.PersonalData;
import nl.meldspoor.api.common.SealedText;
import nl.meldspoor.api.common.RuleViolation;

/**
 * What a signal records (DOMAIN.md §2): a factual observation about a pupil, when and where it was
 * made, in which situation, by whom, with others present by initials only.
 */
public record SignalContent(
        @NotNull @PastOrPresent Instant observedAt,
        @NotBlank @PersonalData @Size(max = Limits.LABEL, message = Limits.TOO_LONG) String place,
        @NotBlank @PersonalData @Size(max = Limits.SHORT_TEXT, message = Limits.TOO_LONG) String situation,
        @NotEmpty @Size(max = Limits.STATEMENTS, message = Limits.TOO_MANY) List<@Valid @NotNull Statement> statements,
        @PersonalData
        @Size(max = Limits.PEOPLE, message = Limits.TOO_MANY) List<@NotBlank @Size(max = Limits.INITIALS, message = Limits.TOO_LONG) String> othersPresent,
        @NotNull SignalCategory category,
        @Size(max = Limits.CODES, message = Limits.TOO_MANY) Set<SignalFlag> flags,
        @Size(max = Limits.CODES, message = Limits.TOO_MANY) List<@jakarta.validation.constraints.Pattern(regexp = Identifiers.CODE) @NotBlank @Size(max = Limits.CODE, message = Limits.TOO_LONG) String> indicatorCodes,
        @NotNull @Valid Actor recordedBy) {

    /** Initials such as "JD", "J.D." or "J.v.D."; a lower-case word must end in a dot and follow an initial. */
    private static final Pattern INITIALS = Pattern.compile("^[A-Z]\\.?(?:\\s?(?:[a-z]{1,3}\\.\\s?)*[A-Z]\\.?)*$");
    private static final int MAX_INITIALS_LENGTH = 12;

    public SignalContent {
        othersPresent = othersPresent == null ? List.of() : List.copyOf(othersPresent);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
        statements = statements == null ? null : List.copyOf(statements);
    }

    /** Derived from the flags; not part of the stored fact. */
    @JsonIgnore
    public boolean isUrgent() {
        return !flags.isEmpty();
    }

    public boolean has(SignalFlag flag) {
        return flags.contains(flag);
    }

    /**
     * Refuses content that breaks a rule of dossiervorming.
     *
     * @param field      path of this content in the request, used to name the offending field
     * @param recordedAt when the signal is being recorded
     * @throws RuleViolation naming the first rule broken
     */
    public void requireValid(String field, Instant recordedAt) {
        requirePresent(observedAt, field + ".observedAt");
        requirePresent(place, field + ".place");
        requirePresent(situation, field + ".situation");
        requirePresent(category, field + ".category");
        requirePresent(recordedBy, field + ".recordedBy");
        if (recordedAt != null && observedAt.isAfter(recordedAt)) {
            throw RuleViolation.of(SignalRule.OBSERVED_AFTER_RECORDING, field + ".observedAt");
        }
        if (statements == null || statements.isEmpty()) {
            throw RuleViolation.of(SignalRule.STATEMENT_REQUIRED, field + ".statements");
        }
        for (int i = 0; i < statements.size(); i++) {
            requireValid(statements.get(i), field + ".statements[" + i + "]");
        }
        for (int i = 0; i < othersPresent.size(); i++) {
            String initials = othersPresent.get(i);
            if (SealedText.isSealed(initials)) {
                continue;
            }
            if (initials == null || initials.length() > MAX_INITIALS_LENGTH || !INITIALS.matcher(initials.strip()).matches()) {
                throw RuleViolation.of(SignalRule.OTHERS_PRESENT_INITIALS_ONLY, field + ".othersPresent[" + i + "]");
            }
        }
    }

    private static void requireValid(Statement statement, String field) {
        requirePresent(statement, field);
        requirePresent(statement.text(), field + ".text");
        requirePresent(statement.kind(), field + ".kind");
        requirePresent(statement.origin(), field + ".origin");
        if (statement.origin() == InformationOrigin.THIRD_PARTY) {
            if (statement.source() == null || isBlank(statement.source().description())) {
                throw RuleViolation.of(SignalRule.THIRD_PARTY_SOURCE_REQUIRED, field + ".source");
            }
            if (!statement.source().consentToRecording()) {
                throw RuleViolation.of(SignalRule.SOURCE_CONSENT_REQUIRED, field + ".source.consentToRecording");
            }
        }
    }

    private static void requirePresent(Object value, String field) {
        if (value == null || value instanceof String text && isBlank(text)) {
            throw RuleViolation.of(SignalRule.SIGNAL_FIELD_REQUIRED, field);
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
