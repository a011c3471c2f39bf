package nl.meldspoor.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The credential a Meldspoor service shows, beside the reader's own token, when it asks a holder of keys
 * to open texts. A person's token alone never opens a text: plaintext goes only to the services, which
 * show it in a read that applies the record's rule and is in the access log. Each calling service has its
 * own shared secret from the environment ({@code MELDSPOOR_SERVICE_CREDENTIAL_<NAME>}); it sends
 * {@value #HEADER}{@code : <service name>:<secret>}, and the holder compares it, in constant time, with
 * the secret it was given for that service. A blank secret matches nothing.
 */
public final class ServiceCredentials {

    public static final String HEADER = "X-Meldspoor-Service";

    private final Map<String, String> accepted;

    /** @param accepted the services that may ask this holder to open texts, with their secret */
    public ServiceCredentials(Map<String, String> accepted) {
        this.accepted = Map.copyOf(accepted);
    }

    /** The header value a service sends, or nothing when it has no credential (it then cannot have texts opened). */
    public static Optional<String> header(String service, String secret) {
        return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(service + ":" + secret);
    }

    /** @return the calling service, when the header names one this holder accepts with its right secret */
    public Optional<String> verify(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int separator = header.indexOf(':');
        if (separator <= 0) {
            return Optional.empty();
        }
        String service = header.substring(0, separator);
        String expected = accepted.get(service);
        if (expected == null || expected.isBlank()) {
            return Optional.empty();
        }
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                header.substring(separator + 1).getBytes(StandardCharsets.UTF_8));
        return same ? Optional.of(service) : Optional.empty();
    }
}
