package nl.meldspoor.platform.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when a write service on a configured database starts without its key-encryption key. */
class MissingKeyEncryptionKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingKeyEncryptionKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingKeyEncryptionKeyException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Set " + MissingKeyEncryptionKeyException.VARIABLE + " for this service only (a k8s Secret or the compose .env), "
                        + "e.g. the output of: " + MissingKeyEncryptionKeyException.GENERATE + ". Keep it in the board's vault as well: "
                        + "losing it loses every text. Without spring.datasource.url (the embedded default) it is not needed.",
                cause);
    }
}
