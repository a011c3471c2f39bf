package nl.meldspoor.platform.privacy;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Free text as it is stored and published: {@code msp-enc:v1:<holder>:<key id>:<base64 of nonce and ciphertext>}.
 * The holder is the write service whose database keeps the key; the key id says nothing about the pupil.
 */
public record EncryptedText(String holder, UUID keyId, String sealed) {

    public static final String PREFIX = "msp-enc:v1:";
    static final Pattern TOKEN = Pattern.compile(Pattern.quote(PREFIX)
            + "([a-z0-9-]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([A-Za-z0-9_-]+)");

    public static boolean isEncrypted(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public static Optional<EncryptedText> parse(String text) {
        if (!isEncrypted(text)) {
            return Optional.empty();
        }
        Matcher matcher = TOKEN.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EncryptedText(matcher.group(1), UUID.fromString(matcher.group(2)), matcher.group(3)));
    }

    @Override
    public String toString() {
        return PREFIX + holder + ":" + keyId + ":" + sealed;
    }
}
