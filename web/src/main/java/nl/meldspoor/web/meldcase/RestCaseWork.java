package nl.meldspoor.web.meldcase;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The case-service and the reporting-service over HTTP with the person's own token (token relay). */
@Component
class RestCaseWork implements CaseWork {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final RestClient caseService;
    private final RestClient reportingService;
    private final ObjectMapper json;

    RestCaseWork(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.json = json;
        RestClient.Builder relaying = builder
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                });
        this.caseService = relaying.clone().baseUrl(properties.services().caseService().toString()).build();
        this.reportingService = relaying.clone().baseUrl(properties.services().reportingService().toString()).build();
    }

    @Override
    public Map<String, Object> state(String caseId, Instant asOf) {
        return get(caseService, "/api/cases/{id}", caseId, asOf);
    }

    @Override
    public Map<String, Object> timeline(String caseId, Instant asOf) {
        return get(caseService, "/api/cases/{id}/timeline", caseId, asOf);
    }

    @Override
    public Map<String, Object> views(String caseId, Instant asOf, int page, int size) {
        JsonNode answer = caseService.get().uri(uri -> uri.path("/api/cases/{id}/views").queryParam("page", page).queryParam("size", size)
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf)).build(caseId)).retrieve().body(JsonNode.class);
        return json.convertValue(answer, OBJECT);
    }

    @Override
    public Optional<Map<String, Object>> rapportage(String caseId) {
        try {
            return Optional.of(get(reportingService, "/api/dossiers/{id}/rapportage", caseId, null));
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 404) {
                // the read side has not seen the case yet; the case-service itself answered for the case
                return Optional.empty();
            }
            throw refusal;
        }
    }

    @Override
    public List<Map<String, Object>> schoolCases(String schoolId, String status) {
        JsonNode page = reportingService.get()
                .uri(uri -> uri.path("/api/schools/{school}/cases").queryParam("status", status).queryParam("page", 0)
                        .queryParam("size", 50).queryParam("sort", "lastActivityAt,desc").build(schoolId))
                .retrieve().body(JsonNode.class);
        return json.convertValue(page.path("cases"), new TypeReference<List<Map<String, Object>>>() {
        });
    }

    @Override
    public long send(String caseId, String path, Map<String, Object> body, Long expectedVersion, String idempotencyKey) {
        JsonNode accepted = caseService.post().uri("/api/cases/{id}/" + path, caseId)
                .headers(headers -> {
                    headers.set("Idempotency-Key", idempotencyKey);
                    if (expectedVersion != null) {
                        headers.setIfMatch("\"" + expectedVersion + "\"");
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().body(JsonNode.class);
        return accepted.path("version").asLong();
    }

    @Override
    public List<Colleague> colleagues(String schoolId) {
        Colleague[] colleagues = caseService.get().uri("/api/schools/{school}/staff", schoolId).retrieve().body(Colleague[].class);
        return colleagues == null ? List.of() : List.of(colleagues);
    }

    private Map<String, Object> get(RestClient client, String path, String caseId, Instant asOf) {
        JsonNode answer = client.get().uri(uri -> {
            uri.path(path);
            if (asOf != null) {
                uri.queryParam("asOf", asOf.toString());
            }
            return uri.build(caseId);
        }).retrieve().body(JsonNode.class);
        return json.convertValue(answer, OBJECT);
    }
}
