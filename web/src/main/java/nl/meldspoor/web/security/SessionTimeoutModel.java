package nl.meldspoor.web.security;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.web.WebProperties;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the session's remaining time, which the layout renders for the time-out warning's script. */
@ControllerAdvice
class SessionTimeoutModel {

    private final WebProperties properties;

    SessionTimeoutModel(WebProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("sessionTimeout")
    SessionTimeout sessionTimeout(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return null;
        }
        // a signed-in person has a session; it is created here only when the page is the first to need it (tests)
        request.getSession();
        return SessionTimeout.current(request, properties.absoluteTimeout());
    }

    /** True when the page shows a form held over a sign-in ("Bewaard" notice in the layout). */
    @ModelAttribute("heldFormRefilled")
    Boolean heldFormRefilled(HttpServletRequest request) {
        return request.getAttribute(HeldFormRefill.REFILLED) == null ? null : Boolean.TRUE;
    }

    /** Where "Ingelogd blijven" without script returns to: this page (a GET), else Vandaag. */
    @ModelAttribute("sessionReturnPath")
    String sessionReturnPath(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "/";
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
