package nl.meldspoor.platform.privacy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.meldspoor.platform.web.CarriesSealedText;

/** Sealed texts a read service asks their holder to open for the person it is answering. */
@CarriesSealedText
public record SealedTexts(@NotNull @Size(max = 2000) List<@NotNull String> texts) {
}
