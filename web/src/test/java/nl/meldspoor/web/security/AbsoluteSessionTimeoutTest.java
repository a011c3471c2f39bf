package nl.meldspoor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutTest {

    private final AbsoluteSessionTimeout filter = new AbsoluteSessionTimeout(Duration.ofHours(10));

    private static MockHttpSession sessionStartedAgo(Duration age) {
        long created = System.currentTimeMillis() - age.toMillis();
        return new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return created;
            }
        };
    }

    @Test
    void aSessionOlderThanTheAbsoluteTimeOutEndsHoweverActiveItWas() throws Exception {
        MockHttpSession session = sessionStartedAgo(Duration.ofHours(10).plusMinutes(1));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inbox");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aYoungerSessionGoesOn() throws Exception {
        MockHttpSession session = sessionStartedAgo(Duration.ofHours(9));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inbox");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isSameAs(request);
    }
}
