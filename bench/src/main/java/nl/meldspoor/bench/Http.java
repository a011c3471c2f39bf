package nl.meldspoor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.local.LocalTokens;

/** The public HTTP APIs as a client calls them: the person's token from the local issuer and the role they act in. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(ClientThreads.forHttpClient()).build();
    private final LocalTokens tokens;

    Http(LocalTokens tokens) {
        this.tokens = tokens;
    }

    /** POSTs the body; a refusal fails the bench with the problem the service answered. */
    JsonNode post(Actor actor, String url, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", tokens.authorization(actor.personId()))
                .header("X-Meldspoor-Role", actor.role().name())
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("POST " + url + " refused: HTTP " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** POST as a person without a role header (the administrators' endpoints); returns the status. */
    int postAsAdministrator(String person, String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", tokens.authorization(person))
                .POST(HttpRequest.BodyPublishers.ofString(write(body))).build()).statusCode();
    }

    HttpResponse<String> get(String person, String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", tokens.authorization(person)).GET().build());
    }

    JsonNode getJson(String person, String url) {
        HttpResponse<String> response = get(person, url);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readTree(String body) {
        return read(body);
    }

    private static JsonNode read(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }
}
