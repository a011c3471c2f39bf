package nl.meldspoor.web.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withStatus;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The commands at a signal reach the signal-service's endpoints with the person's token, the Idempotency-Key and the body. */
class RestServicesCorrectionsTest {

    private MockRestServiceServer signalService;
    private RestServices services;

    @BeforeEach
    void services() {
        RestClient.Builder builder = RestClient.builder();
        signalService = MockRestServiceServer.bindTo(builder).build();
        ClientRegistration registration = ClientRegistration.withRegistrationId("meldspoor").clientId("web")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).tokenUri("http://idp/token").build();
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(registration, "ib-a",
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-ib-a", Instant.now(), Instant.now().plusSeconds(60)));
        WebProperties properties = new WebProperties(new WebProperties.Services(URI.create("http://case"), URI.create("http://signal"),
                URI.create("http://reporting"), URI.create("http://notification")), Duration.ofHours(10), "meldspoor");
        services = new RestServices(builder, request -> client, properties, new ObjectMapper().findAndRegisterModules());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest(), new MockHttpServletResponse()));
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("ib-a", null, "ROLE_USER"));
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aCorrectionIsPostedToTheSignalsCorrectionsWithTheKeyAndTheToken() {
        signalService.expect(requestTo("http://signal/api/pupils/pupil-1/signals/signal-1/corrections")).andExpect(method(HttpMethod.POST))
                .andExpect(header("Idempotency-Key", "key-c")).andExpect(header("Authorization", "Bearer token-ib-a"))
                .andExpect(content().json("{\"correctedContent\":{\"place\":\"kleedkamer\"},\"reason\":\"Het was de kleedkamer\"}"))
                .andRespond(withSuccess("{\"id\":\"pupil-1\",\"version\":5}", MediaType.APPLICATION_JSON));
        services.correctSignal("pupil-1", "signal-1", Map.of("correctedContent", Map.of("place", "kleedkamer"), "reason", "Het was de kleedkamer"), "key-c");
        signalService.verify();
    }

    @Test
    void parentsViewsRequestsAndAnswersReachTheirEndpointsAndTheRequestIdComesBack() {
        signalService.expect(requestTo("http://signal/api/pupils/pupil-1/signals/signal-1/parent-views")).andExpect(header("Idempotency-Key", "key-z"))
                .andRespond(withSuccess("{\"id\":\"pupil-1\",\"version\":5}", MediaType.APPLICATION_JSON));
        signalService.expect(requestTo("http://signal/api/pupils/pupil-1/signals/signal-1/correction-requests")).andExpect(header("Idempotency-Key", "key-v"))
                .andRespond(withStatus(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body("{\"id\":\"request-7\",\"version\":6}"));
        signalService.expect(requestTo("http://signal/api/pupils/pupil-1/signals/signal-1/correction-requests/request-7/answer"))
                .andExpect(header("Idempotency-Key", "key-a")).andExpect(content().json("{\"granted\":false}"))
                .andRespond(withSuccess("{\"id\":\"pupil-1\",\"version\":7}", MediaType.APPLICATION_JSON));

        services.addParentView("pupil-1", "signal-1", Map.of("view", "Ze is gevallen."), "key-z");
        assertThat(services.requestCorrection("pupil-1", "signal-1", Map.of("inWriting", true), "key-v")).isEqualTo("request-7");
        services.answerCorrectionRequest("pupil-1", "signal-1", "request-7", Map.of("granted", false), "key-a");
        signalService.verify();
    }

    @Test
    void aProblemAnswerBecomesARefusalWithItsFields() {
        signalService.expect(requestTo("http://signal/api/pupils/pupil-1/signals/signal-1/correction-requests"))
                .andRespond(withStatus(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body("{\"title\":\"Ongeldig\",\"status\":422,\"rule\":\"WRITTEN_REQUEST_REQUIRED\",\"detail\":\"Schriftelijk\","
                                + "\"errors\":[{\"field\":\"inWriting\",\"reason\":\"Een verzoek tot correctie moet schriftelijk zijn gedaan.\"}]}"));
        assertThatThrownBy(() -> services.requestCorrection("pupil-1", "signal-1", Map.of("inWriting", false), "key-v"))
                .isInstanceOfSatisfying(ServiceRefusal.class, refusal -> assertThat(refusal.errors())
                        .containsExactly(new ServiceRefusal.FieldError("inWriting", "Een verzoek tot correctie moet schriftelijk zijn gedaan.")));
    }
}
