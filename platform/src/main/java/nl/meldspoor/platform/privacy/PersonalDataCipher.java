package nl.meldspoor.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * AES-256-GCM per text. The key id is authenticated with the text, so a ciphertext cannot be moved
 * under another pupil's key.
 */
public final class PersonalDataCipher {

    private PersonalDataCipher() {
    }

    /** A fresh AES-256 key: 32 bytes from the thread's generator, as an AES KeyGenerator makes it, without its look-up per key. */
    public static byte[] newKey() {
        return AesGcm.randomBytes(32);
    }

    public static EncryptedText encrypt(String plaintext, String holder, PersonalDataKey key) {
        try {
            byte[] stored = AesGcm.seal(key.secret(), idOf(key.keyId()), plaintext.getBytes(StandardCharsets.UTF_8));
            return new EncryptedText(holder, key.keyId(), Base64.getUrlEncoder().withoutPadding().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt personal data", e);
        }
    }

    /** @throws GeneralSecurityException when the text was not sealed with this key or was altered */
    public static String decrypt(EncryptedText text, byte[] key) throws GeneralSecurityException {
        byte[] stored;
        try {
            stored = Base64.getUrlDecoder().decode(text.sealed());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("Not base64", e);
        }
        return new String(AesGcm.open(key, idOf(text.keyId()), stored, 0), StandardCharsets.UTF_8);
    }

    static byte[] idOf(UUID keyId) {
        return keyId.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
