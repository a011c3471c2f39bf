package nl.meldspoor.web.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.meldspoor.web.WebProperties;
import nl.meldspoor.web.services.RecordedSignal;
import nl.meldspoor.web.services.ServiceCalls;
import nl.meldspoor.web.services.ServiceRefusal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** {@code GET /api/schools/{schoolId}/pupils/{pupilRef}/look-back} with the person's own token (token relay). */
@Component
class RestLookBacks implements LookBacks {

    private final RestClient signalService;

    RestLookBacks(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.signalService = builder.clone()
                .baseUrl(properties.services().signalService().toString())
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw ServiceRefusal.read(response, json);
                })
                .build();
    }

    @Override
    public RecordedSignal.LookBack lookBack(String schoolId, String pupilRef) {
        // the service's answer has the same shape as the look-back it gives with a recorded signal
        return signalService.get().uri("/api/schools/{school}/pupils/{pupil}/look-back", schoolId, pupilRef)
                .retrieve().body(RecordedSignal.LookBack.class);
    }
}
