package nl.meldspoor.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** After sign-in: back to the held form when there is one, else where the person was going (or Vandaag). */
class HeldFormSignIn extends SavedRequestAwareAuthenticationSuccessHandler {

    private final HeldFormProperties properties;
    private final Clock clock;

    HeldFormSignIn(HeldFormProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(HeldForm.ATTRIBUTE) instanceof HeldForm held
                && !held.expired(clock.instant(), properties.ttl())) {
            clearAuthenticationAttributes(request);
            // the page that showed the form: a case form is sent to its command's path but shown on the dossier's page
            getRedirectStrategy().sendRedirect(request, response, held.shownAt());
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
