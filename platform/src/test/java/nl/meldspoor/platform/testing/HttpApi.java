package nl.meldspoor.platform.testing;

import nl.meldspoor.platform.privacy.ServiceCredentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.platform.security.CallerResolver;
import nl.meldspoor.platform.testing.security.TestIssuer;
import nl.meldspoor.platform.testing.security.TestIssuerProperties;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A service as a client sees it: JSON over HTTP, with a bearer token of the {@link TestIssuer} for the
 * acting person and the role they act in.
 */
public final class HttpApi {

    public record Response(int status, JsonNode body, HttpHeaders headers) {

        public String id() {
            return body.path("id").asText();
        }

        public long version() {
            return body.path("version").asLong();
        }

        public String rule() {
            return body.path("rule").asText();
        }
    }

    private final TestRestTemplate rest;
    private final ObjectMapper json;

    public HttpApi(TestRestTemplate rest, ObjectMapper json) {
        this.rest = rest;
        this.json = json;
    }

    public Response post(Actor actor, String path, Object body) {
        return post(actor, path, body, new HttpHeaders());
    }

    public Response post(Actor actor, String path, Object body, HttpHeaders extra) {
        return send(HttpMethod.POST, actor, path, body, extra);
    }

    public Response put(Actor actor, String path, Object body) {
        return send(HttpMethod.PUT, actor, path, body, new HttpHeaders());
    }

    public Response delete(Actor actor, String path) {
        return read(rest.exchange(path, HttpMethod.DELETE, new HttpEntity<>(as(actor)), String.class));
    }

    private Response send(HttpMethod method, Actor actor, String path, Object body, HttpHeaders extra) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.addAll(as(actor));
        headers.addAll(extra);
        try {
            String payload = body instanceof String text ? text : json.writeValueAsString(body);
            return read(rest.exchange(path, method, new HttpEntity<>(payload, headers), String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request that does not say who acts. */
    public Response postAnonymously(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        try {
            return read(rest.exchange(path, HttpMethod.POST, new HttpEntity<>(json.writeValueAsString(body), headers), String.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response get(Actor actor, String path) {
        return get(path, as(actor));
    }

    /** A GET without a token: only health and info answer it. */
    public Response getAnonymously(String path) {
        return get(path, new HttpHeaders());
    }

    /** A GET with exactly these headers: none for an anonymous request, a broken token to see it refused. */
    public Response get(String path, HttpHeaders headers) {
        return read(rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class));
    }

    /** The token and role header of a person acting in a role. */
    public static HttpHeaders as(Actor actor) {
        HttpHeaders headers = bearer(TestIssuer.tokenFor(actor.personId()));
        headers.set(CallerResolver.ROLE_HEADER, actor.role().name());
        return headers;
    }

    /** The metrics scrape credential the test services are configured with (see {@code TestIssuerProperties}). */
    public static HttpHeaders scrapeCredential() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(TestIssuerProperties.SCRAPE_USERNAME, TestIssuerProperties.SCRAPE_PASSWORD);
        return headers;
    }

    /**
     * What a service adds to a person's token when it asks a holder of keys to open texts: its service
     * credential (see {@code TestIssuerProperties}). A test that calls the openings itself stands in for that service.
     */
    public static HttpHeaders serviceCredential(String service) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(ServiceCredentials.HEADER, service + ":" + TestIssuerProperties.SERVICE_CREDENTIAL);
        return headers;
    }

    /** The openings of sealed texts, asked as the reporting-service does on behalf of a reader. */
    public Response openings(Actor reader, java.util.Collection<String> sealed) {
        return post(reader, "/api/personal-data/openings", java.util.Map.of("texts", java.util.List.copyOf(sealed)), serviceCredential("reporting-service"));
    }

    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
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

    public static HttpHeaders ifMatch(long version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch("\"" + version + "\"");
        return headers;
    }

    public static HttpHeaders idempotencyKey(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return headers;
    }

    /** Sends the calls at once (all released together) and returns their answers in the order given. */
    @SafeVarargs
    public static List<Response> concurrently(Callable<Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
