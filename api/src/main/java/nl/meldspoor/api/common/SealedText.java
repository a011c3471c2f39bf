package nl.meldspoor.api.common;

import java.util.regex.Pattern;

/**
 * Recognises a {@link PersonalData} text as it travels sealed ({@code msp-enc:v1:<holder>:<key id>:<ciphertext>}).
 * A rule that looks inside a text (initials only, …) was checked by the text's holder when it was
 * recorded in plain; a copy that arrives sealed from another service cannot be read and is not checked again.
 */
public final class SealedText {

    public static final String PREFIX = "msp-enc:v1:";

    private static final Pattern TOKEN = Pattern.compile(Pattern.quote(PREFIX)
            + "[a-z0-9-]+:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}:[A-Za-z0-9_-]+");

    private SealedText() {
    }

    public static boolean isSealed(String text) {
        return text != null && TOKEN.matcher(text).matches();
    }
}
