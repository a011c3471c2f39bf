package nl.meldspoor.web.services;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import nl.meldspoor.web.WebProperties;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The services over HTTP with the person's own token (token relay); a problem answer becomes a {@link ServiceRefusal}. */
@Component
class RestServices implements Services {

    private final RestClient caseService;
    private final RestClient notificationService;
    private final RestClient signalService;
    private final ObjectMapper json;

    RestServices(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, ObjectMapper json) {
        this.json = json;
        RestClient.Builder relaying = builder
                .requestInterceptor(ServiceCalls.tokenRelay(clients, properties))
                .defaultStatusHandler(status -> status.isError(), (request, response) -> {
                    throw refusal(response);
                });
        this.caseService = relaying.clone().baseUrl(properties.services().caseService().toString()).build();
        this.notificationService = relaying.clone().baseUrl(properties.services().notificationService().toString()).build();
        this.signalService = relaying.clone().baseUrl(properties.services().signalService().toString()).build();
    }

    @Override
    public SignedIn me() {
        return caseService.get().uri("/api/me").retrieve().body(SignedIn.class);
    }

    @Override
    public Inbox inbox(Boolean read, int page, int size) {
        return notificationService.get()
                .uri(uri -> {
                    uri.path("/api/inbox").queryParam("page", page).queryParam("size", size);
                    if (read != null) {
                        uri.queryParam("read", read);
                    }
                    return uri.build();
                })
                .retrieve().body(Inbox.class);
    }

    @Override
    public void markRead(String notificationId) {
        notificationService.post().uri("/api/inbox/{id}/read", notificationId).retrieve().toBodilessEntity();
    }

    @Override
    public List<Pupil> findPupils(String schoolId, String name) {
        Pupil[] pupils = signalService.get().uri(uri -> uri.path("/api/schools/{school}/pupils").queryParam("name", name).build(schoolId))
                .retrieve().body(Pupil[].class);
        return pupils == null ? List.of() : List.of(pupils);
    }

    @Override
    public RecordedSignal recordSignal(String pupilRef, java.util.Map<String, Object> recording, String idempotencyKey) {
        JsonNode accepted = signalService.post().uri("/api/pupils/{pupil}/signals", pupilRef)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(recording)
                .retrieve().body(JsonNode.class);
        List<String> advice = new ArrayList<>();
        accepted.path("advice").forEach(line -> advice.add(line.asText()));
        RecordedSignal.LookBack lookBack = null;
        JsonNode look = accepted.path("lookBack");
        if (look.isObject()) {
            lookBack = new RecordedSignal.LookBack(look.path("hasEarlierSignals").asBoolean(), look.path("hasSiblingSignals").asBoolean(),
                    look.path("talkTo").asText(null), summaries(look.path("earlierSignals")), summaries(look.path("siblingSignals")));
        }
        return new RecordedSignal(accepted.path("signalId").asText(), pupilRef, accepted.path("urgentPath").asBoolean(), advice, lookBack);
    }

    /** A list of the service's signal summaries, or null when it gave none (the person may not read them). */
    private static List<RecordedSignal.Summary> summaries(JsonNode list) {
        if (!list.isArray()) {
            return null;
        }
        List<RecordedSignal.Summary> summaries = new ArrayList<>();
        list.forEach(item -> summaries.add(new RecordedSignal.Summary(item.path("signalId").asText(), item.path("pupilRef").asText(),
                item.hasNonNull("observedAt") ? java.time.Instant.parse(item.path("observedAt").asText()) : null,
                item.path("category").asText(null), item.path("urgent").asBoolean(), item.path("corrected").asBoolean(),
                item.path("escalatedToCase").asText(null))));
        return List.copyOf(summaries);
    }

    @Override
    public PupilFile pupilFile(String pupilRef) {
        return signalService.get().uri("/api/pupils/{pupil}/signals", pupilRef).retrieve().body(PupilFile.class);
    }

    @Override
    public Pupil pupil(String pupilRef) {
        return signalService.get().uri("/api/pupils/{pupil}/identity", pupilRef).retrieve().body(Pupil.class);
    }

    @Override
    public String escalate(String pupilRef, java.util.Map<String, Object> escalation, String idempotencyKey) {
        JsonNode accepted = signalService.post().uri("/api/pupils/{pupil}/escalations", pupilRef)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(escalation)
                .retrieve().body(JsonNode.class);
        return accepted.path("caseId").asText();
    }

    @Override
    public void correctSignal(String pupilRef, String signalId, java.util.Map<String, Object> correction, String idempotencyKey) {
        send("/api/pupils/{pupil}/signals/{signal}/corrections", correction, idempotencyKey, pupilRef, signalId);
    }

    @Override
    public void addParentView(String pupilRef, String signalId, java.util.Map<String, Object> view, String idempotencyKey) {
        send("/api/pupils/{pupil}/signals/{signal}/parent-views", view, idempotencyKey, pupilRef, signalId);
    }

    @Override
    public String requestCorrection(String pupilRef, String signalId, java.util.Map<String, Object> request, String idempotencyKey) {
        return send("/api/pupils/{pupil}/signals/{signal}/correction-requests", request, idempotencyKey, pupilRef, signalId).path("id").asText();
    }

    @Override
    public void answerCorrectionRequest(String pupilRef, String signalId, String requestId, java.util.Map<String, Object> answer,
                                        String idempotencyKey) {
        send("/api/pupils/{pupil}/signals/{signal}/correction-requests/{request}/answer", answer, idempotencyKey, pupilRef, signalId, requestId);
    }

    /** A command to the signal-service; the key makes a form sent twice count once. */
    private JsonNode send(String path, Object body, String idempotencyKey, Object... variables) {
        JsonNode accepted = signalService.post().uri(path, variables)
                .header("Idempotency-Key", idempotencyKey)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().body(JsonNode.class);
        return accepted == null ? json.createObjectNode() : accepted;
    }

    private ServiceRefusal refusal(ClientHttpResponse response) throws IOException {
        return ServiceRefusal.read(response, json);
    }
}
