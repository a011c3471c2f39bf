package nl.meldspoor.api.meldcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.Period;
import java.util.Arrays;
import nl.meldspoor.api.common.Retention;
import nl.meldspoor.api.meldcase.MeldcodeStep;
import org.junit.jupiter.api.Test;

class MeldcodeStepTest {

    /** The hierarchy is sealed, so this list is every case event there is: a new one without a step fails here. */
    @Test
    void everyCaseEventTypeHasAStepOrIsCaseLevel() {
        Class<?>[] types = MeldcodeCaseEvent.class.getPermittedSubclasses();

        assertThat(types).hasSizeGreaterThanOrEqualTo(25);
        Arrays.stream(types).forEach(type ->
                assertThat(MeldcodeStep.of(type.asSubclass(MeldcodeCaseEvent.class))).as(type.getSimpleName()).isBetween(0, 5));
    }

    @Test
    void anUnknownEventTypeIsRefusedRatherThanCountedAsAStep() {
        assertThatThrownBy(() -> MeldcodeStep.of(MeldcodeCaseEvent.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MeldcodeCaseEvent");
    }

    @Test
    void theErasureOfTextsBelongsToTheCaseAndDocumentsNoStep() {
        assertThat(MeldcodeStep.of(CaseTextErased.class)).isEqualTo(MeldcodeStep.CASE_LEVEL);
        assertThat(MeldcodeStep.of(ReportDecided.class)).isEqualTo(5);
        assertThat(MeldcodeStep.of(ConcernsWeighed.class)).isEqualTo(4);
        assertThat(MeldcodeStep.workedOn(new CaseTextErased("case-1", "school-a", "lln-1", Retention.ERASER,
                Instant.parse("2031-09-01T00:00:00Z"), Instant.parse("2026-09-01T00:00:00Z"), Period.ofYears(5)))).isEmpty();
    }
}
