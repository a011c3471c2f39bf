package nl.meldspoor.web.leadership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The reporting-service over HTTP with the person's own token (token relay); a problem answer becomes a {@link ServiceRefusal}. */
@Component
class RestLeadershipReports implements LeadershipReports {

    /** The reporting-service's largest page of a school's cases. */
    private static final int PAGE = 200;

    private final RestClient reportingService;
    private final ObjectMapper json;

    RestLeadershipReports(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.json = json;
        this.reportingService = builder.clone()
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                })
                .baseUrl(properties.services().reportingService().toString())
                .build();
    }

    @Override
    public DashboardFigures dashboard(String level, String id, String period) {
        return reportingService.get()
                .uri(uri -> {
                    uri.path("/api/dashboards/{level}/{id}");
                    if (period != null) {
                        uri.queryParam("period", period);
                    }
                    return uri.build(level, id);
                })
                .retrieve().body(DashboardFigures.class);
    }

    @Override
    public List<OpenCase> openCases(String schoolId) {
        JsonNode page = reportingService.get()
                .uri(uri -> uri.path("/api/schools/{school}/cases").queryParam("status", "OPEN").queryParam("page", 0)
                        .queryParam("size", PAGE).queryParam("sort", "openedAt,asc").build(schoolId))
                .retrieve().body(JsonNode.class);
        List<OpenCase> cases = new ArrayList<>();
        for (JsonNode line : page.path("cases")) {
            cases.add(json.convertValue(line, OpenCase.class));
        }
        return cases;
    }
}
