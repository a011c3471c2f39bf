package nl.meldspoor.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of the record keys with the board's key-encryption key (from the environment,
 * never from the database): a copy of the database alone then opens no text. Without a key-encryption
 * key the record keys are stored as they are (the embedded default). A wrapped key is told from a plain
 * one by its length; the record key's id is authenticated with it, so a wrapped key cannot be moved to
 * another row.
 */
public final class KeyWrapping {

    private static final int RECORD_KEY_BYTES = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec keyEncryptionKey;

    private KeyWrapping(SecretKeySpec keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** @param base64 a 256-bit AES key in base64, or blank to store record keys unwrapped */
    public static KeyWrapping of(String base64) {
        if (base64 == null || base64.isBlank()) {
            return new KeyWrapping(null);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("meldspoor.personal-data.key-encryption-key is not base64", e);
        }
        if (key.length != RECORD_KEY_BYTES) {
            throw new IllegalArgumentException("meldspoor.personal-data.key-encryption-key must be 256 bits (32 bytes), not " + key.length);
        }
        return new KeyWrapping(new SecretKeySpec(key, "AES"));
    }

    public boolean wraps() {
        return keyEncryptionKey != null;
    }

    byte[] wrap(UUID keyId, byte[] recordKey) {
        if (keyEncryptionKey == null) {
            return recordKey;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(recordKey);
            byte[] stored = new byte[1 + NONCE_BYTES + sealed.length];
            stored[0] = VERSION;
            System.arraycopy(nonce, 0, stored, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, 1 + NONCE_BYTES, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not wrap a record key", e);
        }
    }

    byte[] unwrap(UUID keyId, byte[] stored) {
        if (stored.length == RECORD_KEY_BYTES) {
            return stored;
        }
        if (keyEncryptionKey == null) {
            throw new IllegalStateException("Record key " + keyId + " is wrapped, but no key-encryption key is configured "
                    + "(MELDSPOOR_KEY_ENCRYPTION_KEY)");
        }
        if (stored.length <= 1 + NONCE_BYTES || stored[0] != VERSION) {
            throw new IllegalStateException("Record key " + keyId + " is stored in an unknown form");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keyEncryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Record key " + keyId + " does not unwrap with the configured key-encryption key", e);
        }
    }
}
