package nl.meldspoor.api.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.common.RuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SignalContentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Statement OWN = new Statement("Huilt bij het ophalen.", StatementKind.FACT, InformationOrigin.OWN_OBSERVATION, null);

    private static SignalContent content(List<Statement> statements, List<String> othersPresent) {
        return new SignalContent(NOW.minusSeconds(600), "schoolplein", "ophalen", statements, othersPresent,
                SignalCategory.SOCIAL_EMOTIONAL, Set.of(), List.of(), new Actor("lk-eva", Role.TEACHER));
    }

    private static RuleViolation refusal(SignalContent content) {
        return catchThrowableOfType(RuleViolation.class, () -> content.requireValid("signal", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JD", "J.D.", "J. D.", "J.v.D.", "M", "A.B.C."})
    void initialsAreAccepted(String initials) {
        assertThatCode(() -> content(List.of(OWN), List.of(initials)).requireValid("signal", NOW)).doesNotThrowAnyException();
    }

    /** Initials arrive sealed in a case when a signal is copied from the pupil's file: checked there, unreadable here. */
    @Test
    void initialsSealedByTheirHolderAreNotCheckedAgain() {
        String sealed = "msp-enc:v1:signal-service:0b6c8f9e-3d2a-4f1b-9c7e-5a4d3b2c1e0f:q83vEjRWeJA-abc_12";
        assertThatCode(() -> content(List.of(OWN), List.of(sealed)).requireValid("signal", NOW)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"msp-enc:Jan de Vries", "msp-enc:v1:signal-service:not-a-key:abc", "Jan msp-enc:v1:signal-service:0b6c8f9e-3d2a-4f1b-9c7e-5a4d3b2c1e0f:q8"})
    void aNameDressedUpAsSealedTextIsStillRefused(String name) {
        assertThat(refusal(content(List.of(OWN), List.of(name))).rule()).isEqualTo(SignalRule.OTHERS_PRESENT_INITIALS_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan", "Jan de Vries", "jan", "Marieke", "J.Jansen", "de Vries"})
    void namesOfOthersPresentAreRefused(String name) {
        RuleViolation refusal = refusal(content(List.of(OWN), List.of(name)));
        assertThat(refusal.rule()).isEqualTo(SignalRule.OTHERS_PRESENT_INITIALS_ONLY);
        assertThat(refusal.field()).isEqualTo("signal.othersPresent[0]");
    }

    @Test
    void thirdPartyInformationNamesItsSource() {
        Statement hearsay = new Statement("Buurvrouw hoorde geschreeuw.", StatementKind.FACT, InformationOrigin.THIRD_PARTY, null);
        RuleViolation refusal = refusal(content(List.of(OWN, hearsay), List.of()));
        assertThat(refusal.rule()).isEqualTo(SignalRule.THIRD_PARTY_SOURCE_REQUIRED);
        assertThat(refusal.field()).isEqualTo("signal.statements[1].source");
    }

    @Test
    void aSourceWithoutConsentCannotBeRecorded() {
        Statement hearsay = new Statement("Geschreeuw.", StatementKind.INTERPRETATION, InformationOrigin.THIRD_PARTY,
                new InformationSource("buurvrouw", false));
        RuleViolation refusal = refusal(content(List.of(hearsay), List.of()));
        assertThat(refusal.rule()).isEqualTo(SignalRule.SOURCE_CONSENT_REQUIRED);
        assertThat(refusal.getMessage()).contains("toestemming");
    }

    @Test
    void aSignalSaysWhatWasObserved() {
        assertThat(refusal(content(List.of(), List.of())).rule()).isEqualTo(SignalRule.STATEMENT_REQUIRED);
    }

    @Test
    void aSignalIsNotObservedAfterItIsRecorded() {
        SignalContent future = new SignalContent(NOW.plusSeconds(60), "plein", "pauze", List.of(OWN), List.of(),
                SignalCategory.BULLYING, Set.of(), List.of(), new Actor("lk-eva", Role.TEACHER));
        assertThat(refusal(future).rule()).isEqualTo(SignalRule.OBSERVED_AFTER_RECORDING);
    }

    @Test
    void urgentFlagsMarkTheUrgentPath() {
        SignalContent disclosure = new SignalContent(NOW, "klas", "kringgesprek", List.of(OWN), List.of(),
                SignalCategory.HOME_SITUATION, Set.of(SignalFlag.DISCLOSURE), List.of(), new Actor("lk-eva", Role.TEACHER));
        assertThat(disclosure.isUrgent()).isTrue();
        assertThat(content(List.of(OWN), List.of()).isUrgent()).isFalse();
    }
}
