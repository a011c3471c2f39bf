package nl.meldspoor.web.incident;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

/** The signal-service (incidents) and the reporting-service (register) over HTTP with the person's own token. */
@Component
class RestIncidentWork implements IncidentWork {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final RestClient signalService;
    private final RestClient reportingService;
    private final ObjectMapper json;

    RestIncidentWork(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.json = json;
        RestClient.Builder relaying = builder.clone()
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                });
        this.signalService = relaying.clone().baseUrl(properties.services().signalService().toString()).build();
        this.reportingService = relaying.clone().baseUrl(properties.services().reportingService().toString()).build();
    }

    @Override
    public String record(Map<String, Object> report, String idempotencyKey) {
        JsonNode accepted = signalService.post().uri("/api/incidents")
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(report)
                .retrieve().body(JsonNode.class);
        return accepted.path("id").asText();
    }

    @Override
    public Map<String, Object> incident(String incidentId) {
        return json.convertValue(signalService.get().uri("/api/incidents/{id}", incidentId).retrieve().body(JsonNode.class), OBJECT);
    }

    @Override
    public long send(String incidentId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
        JsonNode accepted = signalService.post().uri("/api/incidents/{id}/" + path, incidentId)
                .headers(headers -> {
                    headers.set("Idempotency-Key", idempotencyKey);
                    if (expectedVersion != null) {
                        headers.setIfMatch("\"" + expectedVersion + "\"");
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class);
        return accepted.path("version").asLong();
    }

    @Override
    public Map<String, Object> register(String schoolId, RegisterFilter filter, int page, int size) {
        JsonNode answer = reportingService.get().uri(uri -> filtered(uri.path("/api/schools/{school}/incidents"), filter)
                        .queryParam("page", page).queryParam("size", size).queryParam("order", "asc").build(schoolId))
                .retrieve().body(JsonNode.class);
        return json.convertValue(answer, OBJECT);
    }

    @Override
    public byte[] registerCsv(String schoolId, RegisterFilter filter) {
        return reportingService.get().uri(uri -> filtered(uri.path("/api/schools/{school}/incidents.csv"), filter).build(schoolId))
                .header("Accept", "text/csv, application/problem+json")
                .retrieve().body(byte[].class);
    }

    private static UriBuilder filtered(UriBuilder uri, RegisterFilter filter) {
        if (filter.type() != null) {
            uri.queryParam("type", filter.type());
        }
        if (filter.from() != null) {
            uri.queryParam("from", filter.from());
        }
        if (filter.toExclusive() != null) {
            uri.queryParam("to", filter.toExclusive());
        }
        if (filter.status() != null) {
            uri.queryParam("protocolStatus", filter.status());
        }
        return uri;
    }
}
