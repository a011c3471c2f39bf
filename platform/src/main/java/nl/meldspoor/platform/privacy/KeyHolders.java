package nl.meldspoor.platform.privacy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the holders of keys (the write services) to open sealed texts for the person being answered,
 * with that person's own token and this service's credential ({@link ServiceCredentials}): a holder that is down or refuses leaves the text unreadable, never
 * the response undelivered.
 */
public class KeyHolders {

    private static final Logger log = LoggerFactory.getLogger(KeyHolders.class);

    private final Map<String, URI> holders;
    private final ObjectMapper json;
    private final Duration timeout;
    private final HttpClient http;
    private final Optional<String> credential;

    /** @param credential this service's {@link ServiceCredentials} header value, if it has one */
    public KeyHolders(Map<String, URI> holders, ObjectMapper json, Duration timeout, Optional<String> credential) {
        this.holders = Map.copyOf(holders);
        this.credential = credential;
        this.json = json;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @return per sealed text what its holder answered; texts of an unknown or unreachable holder are missing */
    public Map<String, OpenedText> open(String holder, List<String> sealed, Map<String, String> forwardedHeaders) {
        URI base = holders.get(holder);
        if (base == null) {
            log.warn("No address for the holder '{}' of {} sealed text(s): configure meldspoor.personal-data.holders.{}", holder, sealed.size(), holder);
            return Map.of();
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/personal-data/openings"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new SealedTexts(sealed))));
            forwardedHeaders.forEach(request::header);
            credential.ifPresent(value -> request.header(ServiceCredentials.HEADER, value));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("{} answered {} when asked to open {} text(s)", holder, response.statusCode(), sealed.size());
                return Map.of();
            }
            List<OpenedText> opened = json.readValue(response.body(), new TypeReference<>() {
            });
            Map<String, OpenedText> bySealed = new HashMap<>();
            opened.forEach(text -> bySealed.put(text.sealed(), text));
            return bySealed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        } catch (Exception e) {
            log.warn("Could not ask {} to open {} text(s): {}", holder, sealed.size(), e.toString());
            return Map.of();
        }
    }
}
