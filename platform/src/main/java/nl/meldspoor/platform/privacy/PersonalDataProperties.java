package nl.meldspoor.platform.privacy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param holders the write services that hold keys, by name ({@code case-service}, {@code signal-service}), with
 *                their address: texts they sealed are opened there for the person being answered
 * @param timeout how long a response waits for a holder before showing its texts as unavailable
 * @param keyEncryptionKey a write service's 256-bit key (base64, from the environment only) that wraps the record keys
 *                         in its database; blank stores them unwrapped (the embedded default)
 * @param serviceCredential this service's own secret (from the environment only, {@code MELDSPOOR_SERVICE_CREDENTIAL_<NAME>}),
 *                          shown to the holders beside the reader's token; blank = texts of other services stay closed
 * @param openers in a holder of keys: the services that may ask it to open texts, each with its secret (from the
 *                environment only); a person's token without one of these is refused
 */
@ConfigurationProperties("meldspoor.personal-data")
public record PersonalDataProperties(Map<String, URI> holders, Duration timeout, String keyEncryptionKey,
                                     String serviceCredential, Map<String, String> openers) {

    public PersonalDataProperties {
        holders = holders == null ? Map.of() : Map.copyOf(holders);
        openers = openers == null ? Map.of() : Map.copyOf(openers);
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
