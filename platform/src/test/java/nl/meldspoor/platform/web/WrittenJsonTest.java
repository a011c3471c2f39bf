package nl.meldspoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Written JSON goes into an answer unchanged, by either of Jackson's generators, small or larger than their buffers. */
class WrittenJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    private static Map<String, Object> entry(int number) {
        return Map.of("number", number, "summary", "Gesprek met ouders: zorgen geuit \"thuis\" — één keer ✓ " + number);
    }

    @Test
    void anAnswerWithWrittenPartsIsTheAnswerWrittenAtOnce() throws Exception {
        for (int size : new int[] {0, 1, 3, 2_000}) {
            List<Object> entries = new ArrayList<>();
            List<Object> written = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                entries.add(entry(i));
                written.add(WrittenJson.of(json.writeValueAsBytes(entry(i))));
            }
            String expected = json.writeValueAsString(Map.of("caseId", "case-1", "entries", entries));

            assertThat(new String(json.writeValueAsBytes(Map.of("caseId", "case-1", "entries", written)), StandardCharsets.UTF_8))
                    .as("the byte generator, %d entries", size).isEqualTo(expected);
            assertThat(json.writeValueAsString(Map.of("caseId", "case-1", "entries", written))).as("the character generator").isEqualTo(expected);
            byte[] whole = json.writeValueAsBytes(Map.of("caseId", "case-1", "entries", entries));
            assertThat(json.writeValueAsString(WrittenJson.of(whole))).as("a whole answer written again").isEqualTo(expected);
        }
    }

    @Test
    void containsFindsAnAsciiTextAnywhere() {
        byte[] text = "{\"a\":\"één msp-enc:v1:abc\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(WrittenJson.contains(text, "msp-enc:v1:")).isTrue();
        assertThat(WrittenJson.contains(text, "{\"a\"")).isTrue();
        assertThat(WrittenJson.contains(text, "\"}")).isTrue();
        assertThat(WrittenJson.contains(text, "msp-enc:v2:")).isFalse();
        assertThat(WrittenJson.contains("msp-enc:v1".getBytes(StandardCharsets.UTF_8), "msp-enc:v1:")).isFalse();
        assertThat(WrittenJson.contains(new byte[0], "x")).isFalse();
    }
}
