package nl.meldspoor.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.KeyGenerator;

/**
 * AES-256-GCM per text. The key id is authenticated with the text, so a ciphertext cannot be moved
 * under another pupil's key.
 */
public final class PersonalDataCipher {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {
    }

    public static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available", e);
        }
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
