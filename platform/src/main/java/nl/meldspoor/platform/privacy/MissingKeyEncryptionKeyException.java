package nl.meldspoor.platform.privacy;

/**
 * A write service was pointed at a database of its own (not the embedded default) without its key-encryption
 * key. It refuses to start rather than store record keys unwrapped beside the texts they open, where a copy of
 * the database alone would open every text; {@link MissingKeyEncryptionKeyFailureAnalyzer} turns this into one
 * clear message.
 */
public class MissingKeyEncryptionKeyException extends RuntimeException {

    static final String VARIABLE = "MELDSPOOR_KEY_ENCRYPTION_KEY";
    static final String GENERATE = "openssl rand -base64 32";

    MissingKeyEncryptionKeyException() {
        super(VARIABLE + " is not set, and a database is configured (spring.datasource.url): outside the embedded default "
                + "this service needs its own key-encryption key (256 bits, base64; generate one with: " + GENERATE + ")");
    }
}
