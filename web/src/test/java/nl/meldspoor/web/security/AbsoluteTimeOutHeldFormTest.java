package nl.meldspoor.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A form sent just as the absolute time-out ends the session is held too, not lost in the redirect. */
class AbsoluteTimeOutHeldFormTest {

    private final HeldForms heldForms = new HeldForms(new HeldFormProperties(null, null, null, null, null, 0), "/oauth2/authorization/meldspoor", Clock.systemUTC());
    private final AbsoluteSessionTimeout filter = new AbsoluteSessionTimeout(Duration.ofHours(10), heldForms);

    private static MockHttpSession startedTenHoursAgo() {
        long created = System.currentTimeMillis() - Duration.ofHours(10).plusMinutes(1).toMillis();
        return new MockHttpSession() {
            @Override
            public long getCreationTime() {
                return created;
            }
        };
    }

    @Test
    void aSignalSentAfterTheAbsoluteTimeOutIsHeldInANewSessionAndThePersonSignsIn() throws Exception {
        MockHttpSession ended = startedTenHoursAgo();
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/signalen/nieuw");
        request.setContentType("application/x-www-form-urlencoded");
        request.setSession(ended);
        request.addParameter("plaats", "gymzaal");
        request.addParameter("_csrf", "outdated");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(ended.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/oauth2/authorization/meldspoor");
        HeldForm held = (HeldForm) request.getSession(false).getAttribute(HeldForm.ATTRIBUTE);
        assertThat(held.path()).isEqualTo("/signalen/nieuw");
        assertThat(held.fields()).containsOnlyKeys("plaats");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aPageVisitedAfterTheAbsoluteTimeOutStillGoesToVandaag() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inbox");
        request.setSession(startedTenHoursAgo());
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getRedirectedUrl()).isEqualTo("/");
    }
}
