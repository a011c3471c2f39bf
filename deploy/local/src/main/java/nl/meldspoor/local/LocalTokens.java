package nl.meldspoor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets tokens for demo staff from the local issuer (client-credentials grant), as a script or a
 * back-office client would, and keeps each until shortly before it expires.
 */
public final class LocalTokens {

    private record Token(String value, Instant expiresAt) {
    }

    private final String issuer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public LocalTokens(String issuer) {
        this.issuer = issuer;
    }

    /** {@code Bearer ...} for the person. */
    public String authorization(String personId) {
        Token token = tokens.get(personId);
        if (token == null || Instant.now().isAfter(token.expiresAt())) {
            token = fetch(personId);
            tokens.put(personId, token);
        }
        return "Bearer " + token.value();
    }

    private Token fetch(String personId) {
        String credentials = Base64.getEncoder().encodeToString((personId + ":" + DemoStaff.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("The local issuer refused a token for " + personId + ": " + response.body());
            }
            JsonNode body = json.readTree(response.body());
            return new Token(body.path("access_token").asText(), Instant.now().plusSeconds(body.path("expires_in").asLong() - 60));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the local issuer at " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
