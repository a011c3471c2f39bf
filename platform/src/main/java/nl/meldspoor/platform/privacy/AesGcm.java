package nl.meldspoor.platform.privacy;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM as both layers use it — texts under record keys, record keys under the key-encryption key: a
 * fresh 96-bit nonce per seal, stored before the ciphertext, and associated data that binds the seal to
 * the id it belongs to.
 */
final class AesGcm {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /**
     * Each thread its own generator and cipher: the default SecureRandom (NativePRNG) serializes every caller on one
     * lock and reads /dev/urandom per nonce, and looking a Cipher up costs about as much as sealing a short text. A DRBG
     * is a NIST SP 800-90A generator seeded from the system's entropy; a cipher is initialised afresh (key, nonce) for
     * every seal and open, so reusing the object carries nothing from one text to the next.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(AesGcm::newRandom);
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(AesGcm::newCipher);

    private AesGcm() {
    }

    /** Bytes from the thread's cryptographically strong generator (nonces, new record keys). */
    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    /** @return the nonce followed by the ciphertext and its tag */
    static byte[] seal(byte[] key, byte[] associatedData, byte[] plaintext) throws GeneralSecurityException {
        byte[] nonce = randomBytes(NONCE_BYTES);
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        byte[] sealed = cipher.doFinal(plaintext);
        byte[] stored = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
        return stored;
    }

    /** @throws GeneralSecurityException when the seal was made with another key or other associated data, or was altered */
    static byte[] open(byte[] key, byte[] associatedData, byte[] stored, int offset) throws GeneralSecurityException {
        if (stored.length - offset <= NONCE_BYTES) {
            throw new GeneralSecurityException("Too short");
        }
        Cipher cipher = CIPHER.get();
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, stored, offset, NONCE_BYTES));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(stored, offset + NONCE_BYTES, stored.length - offset - NONCE_BYTES);
    }

    private static SecureRandom newRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
