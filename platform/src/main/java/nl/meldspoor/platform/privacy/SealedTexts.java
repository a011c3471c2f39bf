package nl.meldspoor.platform.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.meldspoor.platform.web.CarriesSealedText;

/** Sealed texts a read service asks their holder to open for the person it is answering. */
@CarriesSealedText
public record SealedTexts(@NotNull @Size(max = 2000) List<@NotNull @Size(max = MAX_TEXT) String> texts) {

    /** A sealed text of the longest text the input limits allow (four bytes per character, plus the seal's prefix). */
    static final int MAX_TEXT = 32_768;
}
