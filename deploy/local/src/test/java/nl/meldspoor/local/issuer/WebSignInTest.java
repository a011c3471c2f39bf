package nl.meldspoor.local.issuer;

import nl.meldspoor.engines.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web application's sign-in at the local issuer, as a browser would do it: sign-in page, code with PKCE, tokens, refresh. */
class WebSignInTest {

    private static final String WEB = "http://localhost:8080";
    private static final String SECRET = "web-secret-for-this-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalIssuer issuer;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        issuer = LocalIssuer.start(FreePorts.free(), new WebClientRegistration(WebClientRegistration.CLIENT_ID, SECRET, WEB));
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void theIssuerIsAnOpenIdProviderWithRpInitiatedLogout() throws Exception {
        JsonNode discovery = JSON.readTree(get(issuer.url() + "/.well-known/openid-configuration").body());
        assertThat(discovery.path("issuer").asText()).isEqualTo(issuer.url());
        assertThat(discovery.path("end_session_endpoint").asText()).isEqualTo(issuer.url() + "/connect/logout");
        assertThat(discovery.path("code_challenge_methods_supported").toString()).contains("S256");
    }

    @Test
    void aTeacherSignsInOnTheListingPageAndTheWebApplicationGetsHerTokensWithPkce() throws Exception {
        String verifier = "a-verifier-of-at-least-forty-three-characters-0123456789";
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = issuer.url() + "/oauth2/authorize?response_type=code&client_id=meldspoor-web&scope=openid&state=s1&nonce=n1"
                + "&redirect_uri=" + encode(WEB + "/login/oauth2/code/meldspoor") + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        HttpResponse<String> toSignIn = get(authorize);
        assertThat(toSignIn.statusCode()).isEqualTo(302);
        assertThat(toSignIn.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> page = get(issuer.url() + "/login");
        assertThat(page.body()).contains("lang=\"nl\"", "Inloggen", "lk-a", "leerkracht", "school-a", "ib-a", "IB&#39;er", "demo");

        HttpResponse<String> signedIn = post(issuer.url() + "/login", "username=lk-a&password=demo&_csrf=" + csrf(page.body()), null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> withCode = get(signedIn.headers().firstValue("Location").orElseThrow());
        String redirect = withCode.headers().firstValue("Location").orElseThrow();
        assertThat(redirect).startsWith(WEB + "/login/oauth2/code/meldspoor?code=").contains("state=s1");
        String code = URI.create(redirect).getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<String> withoutVerifier = post(issuer.url() + "/oauth2/token", "grant_type=authorization_code&code=" + code
                + "&redirect_uri=" + encode(WEB + "/login/oauth2/code/meldspoor"), basic());
        assertThat(withoutVerifier.statusCode()).isEqualTo(400);

        // a new code: the refused exchange spent the first one
        String code2 = URI.create(get(signedIn.headers().firstValue("Location").orElseThrow()).headers().firstValue("Location").orElseThrow())
                .getQuery().replaceAll(".*code=([^&]+).*", "$1");
        JsonNode tokens = JSON.readTree(post(issuer.url() + "/oauth2/token", "grant_type=authorization_code&code=" + code2
                + "&redirect_uri=" + encode(WEB + "/login/oauth2/code/meldspoor") + "&code_verifier=" + verifier, basic()).body());
        JsonNode access = claims(tokens.path("access_token").asText());
        JsonNode id = claims(tokens.path("id_token").asText());
        assertThat(access.path("sub").asText()).isEqualTo("lk-a");
        assertThat(access.path("aud").toString()).contains("meldspoor").doesNotContain("meldspoor-web");
        assertThat(access.path("exp").asLong() - access.path("iat").asLong()).isEqualTo(30 * 60);
        assertThat(id.path("sub").asText()).isEqualTo("lk-a");
        assertThat(id.path("aud").toString()).contains("meldspoor-web");
        assertThat(id.path("nonce").asText()).isEqualTo("n1");

        JsonNode refreshed = JSON.readTree(post(issuer.url() + "/oauth2/token", "grant_type=refresh_token&refresh_token="
                + encode(tokens.path("refresh_token").asText()), basic()).body());
        assertThat(claims(refreshed.path("access_token").asText()).path("sub").asText()).isEqualTo("lk-a");
    }

    @Test
    void aWrongPasswordIsRefusedInDutch() throws Exception {
        HttpResponse<String> page = get(issuer.url() + "/login");
        HttpResponse<String> refused = post(issuer.url() + "/login", "username=lk-a&password=raden&_csrf=" + csrf(page.body()), null);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(get(issuer.url() + "/login?error").body()).contains("Fout: ", "Onbekende gebruikersnaam of verkeerd wachtwoord.");
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).isTrue();
        return encode(matcher.group(1));
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("meldspoor-web:" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String form, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
