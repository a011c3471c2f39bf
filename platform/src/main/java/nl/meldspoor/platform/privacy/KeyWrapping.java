package nl.meldspoor.platform.privacy;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

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

    private final byte[] keyEncryptionKey;

    private KeyWrapping(byte[] keyEncryptionKey) {
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
        return new KeyWrapping(key);
    }

    public boolean wraps() {
        return keyEncryptionKey != null;
    }

    byte[] wrap(UUID keyId, byte[] recordKey) {
        if (keyEncryptionKey == null) {
            return recordKey;
        }
        try {
            byte[] sealed = AesGcm.seal(keyEncryptionKey, PersonalDataCipher.idOf(keyId), recordKey);
            byte[] stored = new byte[1 + sealed.length];
            stored[0] = VERSION;
            System.arraycopy(sealed, 0, stored, 1, sealed.length);
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
        if (stored.length == 0 || stored[0] != VERSION) {
            throw new IllegalStateException("Record key " + keyId + " is stored in an unknown form");
        }
        try {
            return AesGcm.open(keyEncryptionKey, PersonalDataCipher.idOf(keyId), stored, 1);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Record key " + keyId + " does not unwrap with the configured key-encryption key", e);
        }
    }
}
