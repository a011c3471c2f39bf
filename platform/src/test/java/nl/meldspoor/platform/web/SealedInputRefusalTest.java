package nl.meldspoor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.meldspoor.platform.privacy.EncryptedText;
import nl.meldspoor.platform.privacy.PersonalDataSerializer;
import nl.meldspoor.platform.privacy.SealedTexts;
import nl.meldspoor.platform.web.Problems.FieldError;
import org.junit.jupiter.api.Test;

class SealedInputRefusalTest {

    record Statement(String text) {
    }

    record Signal(String place, List<Statement> statements) {
    }

    record Opening(String concern, List<Signal> signals) {
    }

    @Test
    void aTextThatLooksSealedAnywhereInTheBodyIsRefusedWithItsPath() {
        Opening opening = new Opening("zorgen", List.of(
                new Signal("schoolplein", List.of(new Statement("gewoon"))),
                new Signal("klas", List.of(new Statement("ok"), new Statement(EncryptedText.PREFIX + "case-service:abc:def")))));

        assertThat(SealedInputRefusal.refusals(opening)).extracting(FieldError::field)
                .containsExactly("signals[1].statements[1].text");
    }

    @Test
    void anyVersionOfTheSealAndTheErasureMarkerAreRefused() {
        Opening opening = new Opening(" MSP-ENC:v9:x", List.of(new Signal(PersonalDataSerializer.ERASED, List.of())));

        assertThat(SealedInputRefusal.refusals(opening)).extracting(FieldError::field)
                .containsExactly("concern", "signals[0].place");
    }

    @Test
    void ordinaryTextThatMerelyMentionsTheseWordsPasses() {
        Opening opening = new Opening("de tekst msp-enc: stond in een mail", List.of(
                new Signal("klas", List.of(new Statement("eerder " + PersonalDataSerializer.ERASED + " genoemd")))));

        assertThat(SealedInputRefusal.refusals(opening)).isEmpty();
    }

    @Test
    void onlyTheRequestToOpenSealedTextsMayCarryThem() {
        assertThat(SealedTexts.class.isAnnotationPresent(CarriesSealedText.class)).isTrue();
    }
}
