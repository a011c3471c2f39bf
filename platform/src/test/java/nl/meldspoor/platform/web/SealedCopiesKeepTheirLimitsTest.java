package nl.meldspoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Limits;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.signal.InformationOrigin;
import nl.meldspoor.api.signal.SignalCategory;
import nl.meldspoor.api.signal.SignalContent;
import nl.meldspoor.api.signal.Statement;
import nl.meldspoor.api.signal.StatementKind;
import org.junit.jupiter.api.Test;

/**
 * A signal forwarded from the pupil file into a case carries its texts sealed, longer than the plain
 * text the limits were checked on. Axon validates that internal command with the default validator
 * factory: the sealed copy must pass, while a plain text over its limit is still refused.
 */
class SealedCopiesKeepTheirLimitsTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aSignalWhoseTextsArriveSealedPassesTheLimitsItsPlainTextWasCheckedOn() {
        SignalContent forwarded = content(sealed(Limits.LABEL), List.of(sealed(Limits.INITIALS)));

        assertThat(validator.validate(forwarded)).isEmpty();
    }

    @Test
    void aPlainTextOverItsLimitIsStillRefused() {
        SignalContent typed = content("x".repeat(Limits.LABEL + 1), List.of("J.D.E.F.G.H.I."));

        assertThat(validator.validate(typed)).extracting(ConstraintViolation::getPropertyPath).map(Object::toString)
                .containsExactlyInAnyOrder("place", "othersPresent[0].<list element>");
    }

    @Test
    void aTextThatOnlyLooksSealedIsMeasuredLikeAnyOther() {
        SignalContent lookalike = content("msp-enc:v1:" + "x".repeat(Limits.LABEL), List.of());

        assertThat(validator.validate(lookalike)).extracting(violation -> violation.getPropertyPath().toString()).containsExactly("place");
    }

    private static SignalContent content(String place, List<String> othersPresent) {
        return new SignalContent(Instant.parse("2026-11-30T10:00:00Z"), place, "omkleden",
                List.of(new Statement("Blauwe plek.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null)),
                othersPresent, SignalCategory.HOME_SITUATION, Set.of(), List.of(), new Actor("lk-a", Role.TEACHER));
    }

    /** What a text of this many characters looks like once its holder sealed it: far longer. */
    private static String sealed(int plainLength) {
        return "msp-enc:v1:signal-service:" + UUID.randomUUID() + ":" + "A".repeat(plainLength * 2 + 40);
    }
}
