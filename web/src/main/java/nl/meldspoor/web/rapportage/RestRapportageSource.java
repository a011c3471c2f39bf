package nl.meldspoor.web.rapportage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The reporting-service over HTTP with the person's own token. */
@Component
class RestRapportageSource implements RapportageSource {

    private final RestClient reportingService;
    private final ObjectMapper json;

    RestRapportageSource(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.json = json;
        this.reportingService = builder.clone()
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                })
                .baseUrl(properties.services().reportingService().toString()).build();
    }

    @Override
    public Map<String, Object> rapportage(String caseId) {
        JsonNode answer = reportingService.get().uri("/api/dossiers/{id}/rapportage", caseId).retrieve().body(JsonNode.class);
        return json.convertValue(answer, new TypeReference<Map<String, Object>>() {
        });
    }
}
