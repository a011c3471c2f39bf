package nl.meldspoor.casework.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldspoor.api.common.Actor;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The case-service as a client sees it: JSON over HTTP, with the acting person in headers. */
final class CaseApi {

    record Response(int status, JsonNode body, HttpHeaders headers) {

        String id() {
            return body.path("id").asText();
        }

        long version() {
            return body.path("version").asLong();
        }

        String rule() {
            return body.path("rule").asText();
        }
    }

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    CaseApi(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    Response post(Actor actor, String path, Object body) {
        return post(actor, path, body, new HttpHeaders());
    }

    Response post(Actor actor, String path, Object body, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Meldspoor-Person", actor.personId());
        headers.set("X-Meldspoor-Role", actor.role().name());
        headers.addAll(extra);
        try {
            String payload = body instanceof String text ? text : json.writeValueAsString(body);
            return read(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(payload, headers), String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request that does not say who acts. */
    Response postAnonymously(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return read(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Response get(String path) {
        return read(rest.getForEntity(path, String.class));
    }

    /** The case's current version as the service reports it. */
    long version(String caseId) {
        return get("/api/cases/" + caseId).body().path("version").asLong();
    }

    private Response read(ResponseEntity<String> response) {
        JsonNode body;
        try {
            body = response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
        } catch (Exception notJson) {
            body = json.getNodeFactory().textNode(response.getBody());
        }
        return new Response(response.getStatusCode().value(), body, response.getHeaders());
    }

    static HttpHeaders ifMatch(long version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("\"" + version + "\"");
        return headers;
    }

    static HttpHeaders idempotencyKey(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return headers;
    }
}
