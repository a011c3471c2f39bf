package nl.meldspoor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;

/** After sign-in the person lands on the held form; without one (or when it is too old), where they were going. */
class HeldFormSignInTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private final HeldFormProperties properties = new HeldFormProperties(null, null, null, null, Duration.ofMinutes(30), 0);
    private final HeldFormSignIn signIn = new HeldFormSignIn(properties, Clock.fixed(NOW, ZoneOffset.UTC));

    private MockHttpServletResponse signInWith(HeldForm held) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login/oauth2/code/meldspoor");
        if (held != null) {
            request.getSession(true).setAttribute(HeldForm.ATTRIBUTE, held);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        signIn.onAuthenticationSuccess(request, response, new TestingAuthenticationToken("lk-a", null, "ROLE_USER"));
        return response;
    }

    @Test
    void signingInWithAHeldFormLandsOnThatForm() throws Exception {
        HeldForm held = HeldForm.of("/signalen/nieuw", Map.of("plaats", new String[] {"gymzaal"}, "_csrf", new String[] {"oud"}), NOW.minusSeconds(600));
        assertThat(held.fields()).containsOnlyKeys("plaats");
        assertThat(signInWith(held).getRedirectedUrl()).isEqualTo("/signalen/nieuw");
    }

    @Test
    void signingInWithAHeldFormOlderThanItsTimeToLiveLandsOnVandaag() throws Exception {
        HeldForm old = new HeldForm("/signalen/nieuw", new LinkedHashMap<>(), NOW.minus(Duration.ofMinutes(31)));
        assertThat(signInWith(old).getRedirectedUrl()).isEqualTo("/");
    }

    @Test
    void signingInWithoutAHeldFormLandsOnVandaag() throws Exception {
        assertThat(signInWith(null).getRedirectedUrl()).isEqualTo("/");
    }
}
