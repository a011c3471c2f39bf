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
 */
@ConfigurationProperties("meldspoor.personal-data")
public record PersonalDataProperties(Map<String, URI> holders, Duration timeout, String keyEncryptionKey) {

    public PersonalDataProperties {
        holders = holders == null ? Map.of() : Map.copyOf(holders);
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
