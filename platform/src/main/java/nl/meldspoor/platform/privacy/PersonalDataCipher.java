package nl.meldspoor.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh 96-bit nonce per text. The key id is authenticated with the text, so a
 * ciphertext cannot be moved under another pupil's key.
 */
public final class PersonalDataCipher {

    private static final String ALGORITHM = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
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
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, secret(key.secret()), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(key.keyId().toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
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
        if (stored.length <= NONCE_BYTES) {
            throw new GeneralSecurityException("Too short");
        }
        Cipher cipher = Cipher.getInstance(ALGORITHM);
        cipher.init(Cipher.DECRYPT_MODE, secret(key), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
        cipher.updateAAD(text.keyId().toString().getBytes(StandardCharsets.US_ASCII));
        return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static SecretKey secret(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }
}
