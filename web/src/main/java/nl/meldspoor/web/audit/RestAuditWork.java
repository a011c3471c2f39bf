package nl.meldspoor.web.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.leadership.LeadershipProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The case-service and the reporting-service over HTTP with the person's own token and acting role (token relay). */
@Component
class RestAuditWork implements AuditWork {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RestAuditWork.class);
    static final String PURPOSE_HEADER = "X-Meldspoor-Purpose";
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {
    };

    private final RestClient caseService;
    private final RestClient reportingService;
    private final ObjectMapper json;
    private final String boardId;

    RestAuditWork(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json,
                  LeadershipProperties leadership) {
        this.json = json;
        this.boardId = leadership.boardId();
        RestClient.Builder relaying = builder
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                });
        this.caseService = relaying.clone().baseUrl(properties.services().caseService().toString()).build();
        this.reportingService = relaying.clone().baseUrl(properties.services().reportingService().toString()).build();
    }

    @Override
    public List<School> schools() {
        JsonNode board;
        try {
            board = reportingService.get().uri("/api/dashboards/board/{id}", boardId).retrieve().body(JsonNode.class);
        } catch (ServiceRefusal refusal) {
            // the list is a convenience: without it the pages ask for the school's id instead
            log.warn("No list of the board's schools from the reporting-service: {}", refusal.getMessage());
            return List.of();
        }
        List<School> schools = new ArrayList<>();
        board.path("perSchool").forEach(school -> schools.add(new School(school.path("schoolId").asText(), school.path("name").asText())));
        return schools;
    }

    @Override
    public List<Map<String, Object>> schoolCases(String schoolId, String status) {
        JsonNode page = reportingService.get()
                .uri(uri -> uri.path("/api/schools/{school}/cases").queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                        .queryParam("page", 0).queryParam("size", 100).queryParam("sort", "lastActivityAt,desc").build(schoolId))
                .retrieve().body(JsonNode.class);
        return json.convertValue(page.path("cases"), OBJECTS);
    }

    @Override
    public Map<String, Object> timeline(String caseId, Instant asOf, String purpose) {
        JsonNode answer = caseService.get().uri(uri -> {
                    uri.path("/api/cases/{id}/timeline");
                    if (asOf != null) {
                        uri.queryParam("asOf", asOf.toString());
                    }
                    return uri.build(caseId);
                })
                .headers(headers -> headers.set(PURPOSE_HEADER, purpose))
                .retrieve().body(JsonNode.class);
        return json.convertValue(answer, OBJECT);
    }

    @Override
    public AccessPage accessLog(String schoolId, String personId, String recordId, LocalDate from, LocalDate to, int page, int size) {
        JsonNode answer = reportingService.get().uri(uri -> uri.path("/api/schools/{school}/access-log")
                        .queryParamIfPresent("personId", java.util.Optional.ofNullable(personId))
                        .queryParamIfPresent("recordId", java.util.Optional.ofNullable(recordId))
                        .queryParamIfPresent("from", java.util.Optional.ofNullable(from))
                        .queryParamIfPresent("to", java.util.Optional.ofNullable(to))
                        .queryParam("page", page).queryParam("size", size).build(schoolId))
                .retrieve().body(JsonNode.class);
        return new AccessPage(json.convertValue(answer.path("entries"), OBJECTS), answer.path("page").asInt(), answer.path("size").asInt(),
                answer.path("totalElements").asLong(), answer.path("totalPages").asInt());
    }
}
