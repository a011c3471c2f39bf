package nl.meldspoor.local.issuer;

import nl.meldspoor.engines.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.meldspoor.local.LocalTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class LocalIssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void itGivesDemoStaffTokensForMeldspoorWithTheirPersonIdAsSubject() throws Exception {
        try (LocalIssuer issuer = LocalIssuer.start(FreePorts.free())) {
            String token = new LocalTokens(issuer.url()).authorization("ib-a").substring("Bearer ".length());
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertThat(claims.path("sub").asText()).isEqualTo("ib-a");
            assertThat(claims.path("iss").asText()).isEqualTo(issuer.url());
            assertThat(claims.path("aud").toString()).contains("meldspoor");

            String wrongPassword = Base64.getEncoder().encodeToString("ib-a:raden".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.url() + "/oauth2/token"))
                    .header("Authorization", "Basic " + wrongPassword)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create(issuer.url() + "/.well-known/openid-configuration")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(discovery.body()).contains("jwks_uri");
        }
    }

    @Test
    void itDoesNotStartOutsideTheLocalProfile() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LocalIssuerConfiguration.class).profiles("production")
                .properties("server.port=0", "spring.main.banner-mode=off").run())
                .hasStackTraceContaining("starts only in the 'local' profile");
    }
}
