package nl.meldspoor.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Identifiers;
import org.junit.jupiter.api.Test;

class InputBoundsTest {

    record Bounded(@Size(max = 10) String text, @Pattern(regexp = Identifiers.PUPIL_REF) String pupilRef,
                   @Size(max = 3) List<@Size(max = 5) String> codes, @Size(max = 2) List<Inner> inners, @Size(max = 7) Set<java.time.DayOfWeek> days) {
    }

    record Inner(@Size(max = 4) String text, java.time.Instant at) {
    }

    record UnboundedText(String text) {
    }

    record UnboundedListItems(@Size(max = 3) List<String> codes) {
    }

    record UnboundedList(List<@Size(max = 3) String> codes) {
    }

    record UnboundedDeepInside(@Size(max = 2) List<Middle> middles) {
    }

    record Middle(Deepest deepest) {
    }

    record Deepest(@Pattern(regexp = "[a-z]+") String loose) {
    }

    @Test
    void aBodyWhoseTextsAndListsAllHaveAMaximumPasses() {
        assertThat(InputBounds.unbounded(Bounded.class)).isEmpty();
    }

    @Test
    void aTextWithoutAMaximumIsFound() {
        assertThat(InputBounds.unbounded(UnboundedText.class)).containsExactly("UnboundedText.text");
    }

    @Test
    void aListWhoseTextsHaveNoMaximumIsFound() {
        assertThat(InputBounds.unbounded(UnboundedListItems.class)).containsExactly("UnboundedListItems.codes[] (text)");
    }

    @Test
    void aListWithoutAMaximumNumberOfItemsIsFound() {
        assertThat(InputBounds.unbounded(UnboundedList.class)).containsExactly("UnboundedList.codes (items)");
    }

    @Test
    void aTextDeepInsideNestedRecordsWithAnUnboundedPatternIsFound() {
        assertThat(InputBounds.unbounded(UnboundedDeepInside.class)).containsExactly("Deepest.loose");
    }

    @Test
    void theIdentifierFormatsAreBoundedAtAHundredCharacters() {
        assertThat(InputBounds.longestMatch(Identifiers.PUPIL_REF)).hasValue(100);
        assertThat(InputBounds.longestMatch(Identifiers.EXTERNAL_REFERENCE)).hasValue(100);
        assertThat(InputBounds.longestMatch("[a-z]+")).isEmpty();
        assertThat(InputBounds.longestMatch("^[A-Z]\\.?$")).hasValue(2);
    }
}
