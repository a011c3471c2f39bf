package nl.meldspoor.web.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import nl.meldspoor.web.services.StaffRole;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The case-service's staff directory over HTTP with the administrator's own token (token relay). */
@Component
class RestStaffAdministration implements StaffAdministration {

    private final RestClient caseService;

    RestStaffAdministration(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.caseService = builder
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                })
                .baseUrl(properties.services().caseService().toString())
                .build();
    }

    @Override
    public boolean isAdministrator(String personId) {
        try {
            person(personId);
            return true;
        } catch (ServiceRefusal refusal) {
            if (refusal.hidden()) {
                return false;
            }
            throw refusal;
        } catch (org.springframework.web.client.ResourceAccessException unreachable) {
            // only a link depends on it: Vandaag still works while the case-service is away
            return false;
        }
    }

    @Override
    public Person person(String personId) {
        return read(caseService.get().uri("/api/staff/{person}", personId).retrieve().body(JsonNode.class));
    }

    @Override
    public List<Person> atScope(String scope) {
        JsonNode people = caseService.get().uri(uri -> uri.path("/api/staff").queryParam("scope", scope).build()).retrieve().body(JsonNode.class);
        List<Person> found = new ArrayList<>();
        people.forEach(person -> found.add(read(person)));
        return found;
    }

    @Override
    public void grant(String personId, String role, String scope, LocalDate validUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        body.put("scope", scope);
        body.put("validUntil", validUntil == null ? null : validUntil.toString());
        caseService.post().uri("/api/staff/{person}/roles", personId).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity();
    }

    @Override
    public void revoke(String personId, String role, String scope) {
        caseService.delete().uri("/api/staff/{person}/roles/{role}/{scope}", personId, role, scope).retrieve().toBodilessEntity();
    }

    private static Person read(JsonNode person) {
        List<StaffRole> roles = new ArrayList<>();
        person.path("roles").forEach(role -> roles.add(new StaffRole(role.path("role").asText(), role.path("scope").asText(),
                role.hasNonNull("validUntil") ? LocalDate.parse(role.path("validUntil").asText()) : null)));
        return new Person(person.path("personId").asText(), roles);
    }
}
