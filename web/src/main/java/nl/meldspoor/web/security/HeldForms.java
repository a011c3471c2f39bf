package nl.meldspoor.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds a form that arrives after the person's session has ended (UI.md "Never lose input"): a teacher who typed a
 * signal for half an hour in the gym must not lose it because the session timed out. Instead of refusing the outdated
 * CSRF token, the fields are kept in a new server-side session and the person is sent to sign in; afterwards the same
 * form shows them again ({@link HeldFormRefill}) to check and send — never sent on their behalf, since this request
 * proved nothing about who sent it.
 * <p>
 * Held only when the browser presents the cookie of a session that no longer exists (cross-site posts carry no
 * SameSite=Lax cookie), the post comes from this site, the form is one of the configured ones, and it is not too large.
 */
class HeldForms extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(HeldForms.class);

    private final HeldFormProperties properties;
    private final String signIn;
    private final Clock clock;

    HeldForms(HeldFormProperties properties, String signIn, Clock clock) {
        this.properties = properties;
        this.signIn = signIn;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() && !signedIn() && hold(request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Holds the form and sends the person to sign in, when it qualifies; also used when the absolute time-out has just
     * ended the session.
     */
    boolean hold(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"POST".equals(request.getMethod()) || !isForm(request) || !properties.holds(path(request)) || !sameSite(request)) {
            return false;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        if (HeldForm.size(parameters) > properties.maxChars()) {
            log.info("A form sent after the session ended is too large to hold ({} characters)", HeldForm.size(parameters));
            return false;
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(HeldForm.ATTRIBUTE, HeldForm.of(path(request), parameters, clock.instant(), shownAt(request)));
        log.info("Held a form sent to {} after the session ended, until sign-in", path(request));
        response.sendRedirect(request.getContextPath() + signIn);
        return true;
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && !(authentication instanceof AnonymousAuthenticationToken) && authentication.isAuthenticated();
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * Where the form is shown again: the page that showed it, unless that was the post's own answer (a refused form) —
     * then the page configured for the post's path, if any (a case command's path shows no form when asked with GET).
     */
    private String shownAt(HttpServletRequest request) {
        String page = page(request);
        String path = path(request);
        boolean ownAnswer = page == null || page.equals(path) || page.startsWith(path + "?");
        String configured = ownAnswer ? properties.pageFor(path) : null;
        return configured != null ? configured : page;
    }

    /**
     * The page of this site that showed the form (its Referer: browsers send the full address to the same origin), where
     * the person is sent after sign-in; null when there is none or it is another site's, then the form's own path.
     */
    static String page(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI from = URI.create(referer);
            if (from.getHost() == null || !sameOrigin(request, from) || from.getRawPath() == null) {
                return null;
            }
            String path = from.getRawPath();
            String context = request.getContextPath();
            if (!path.startsWith(context + "/") || path.startsWith(context + "//")) {
                return null;
            }
            path = path.substring(context.length());
            return from.getRawQuery() == null ? path : path + "?" + from.getRawQuery();
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static boolean sameOrigin(HttpServletRequest request, URI from) {
        int port = from.getPort() == -1 ? ("https".equals(from.getScheme()) ? 443 : 80) : from.getPort();
        return request.getServerName().equalsIgnoreCase(from.getHost()) && request.getServerPort() == port;
    }

    /** A post from another site is never held (belt and braces: it carries no SameSite=Lax cookie either). */
    private static boolean sameSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !"same-origin".equals(fetchSite) && !"none".equals(fetchSite)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            return sameOrigin(request, URI.create(origin));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }
}
