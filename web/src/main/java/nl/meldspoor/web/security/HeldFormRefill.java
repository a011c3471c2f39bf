package nl.meldspoor.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * After sign-in, the form that was held ({@link HeldForms}) is shown filled in. The page is asked, with the held fields,
 * for the form's own "show again as typed" action ({@link HeldFormProperties#forms()}, e.g. "Zoek"), so it looks
 * exactly as a refused form does — the chosen pupil included — and nothing is saved: the person checks it and sends it
 * with a fresh CSRF token. Runs after Spring Security (the GET has passed every check); shown once, only in the
 * session that held it, and not after its time-to-live.
 */
class HeldFormRefill extends OncePerRequestFilter {

    /** Request attribute the layout's notice reads ("Bewaard"). */
    static final String REFILLED = HeldFormRefill.class.getName() + ".refilled";

    private final HeldFormProperties properties;
    private final Clock clock;

    HeldFormRefill(HeldFormProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = "GET".equals(request.getMethod()) ? request.getSession(false) : null;
        if (session == null || !(session.getAttribute(HeldForm.ATTRIBUTE) instanceof HeldForm held) || !signedIn()) {
            chain.doFilter(request, response);
            return;
        }
        if (held.expired(clock.instant(), properties.ttl())) {
            session.removeAttribute(HeldForm.ATTRIBUTE);
            chain.doFilter(request, response);
            return;
        }
        if (!properties.holds(held.path())) {
            chain.doFilter(request, response);
            return;
        }
        if (!properties.showsItselfAgain(held.path())) {
            if (!HeldForms.path(request).equals(pathOf(held.shownAt()))) {
                chain.doFilter(request, response);
                return;
            }
            session.removeAttribute(HeldForm.ATTRIBUTE);
            request.setAttribute(REFILLED, Boolean.TRUE);
            refillPage(held, request, response, chain);
            return;
        }
        if (!held.path().equals(HeldForms.path(request))) {
            chain.doFilter(request, response);
            return;
        }
        session.removeAttribute(HeldForm.ATTRIBUTE);
        Map<String, String[]> parameters = new LinkedHashMap<>(held.fields());
        UriComponentsBuilder.newInstance().query(properties.forms().get(held.path())).build().getQueryParams()
                .forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
        request.setAttribute(REFILLED, Boolean.TRUE);
        chain.doFilter(new ShowAgain(request, parameters), response);
    }

    /**
     * The page that showed the form, rendered as always, then its form for the held path filled in with what was sent:
     * the same for every form, whatever its fields (the case forms, the correction forms, opschalen).
     */
    private void refillPage(HeldForm held, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper page = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, page);
        String type = page.getContentType();
        if (page.getStatus() != HttpServletResponse.SC_OK || type == null || !type.startsWith("text/html")) {
            page.copyBodyToResponse();
            return;
        }
        Charset charset = page.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(page.getCharacterEncoding());
        String html = new String(page.getContentAsByteArray(), charset);
        byte[] refilled = HeldFormFill.fill(html, request.getContextPath() + held.path(), held.fields()).getBytes(charset);
        page.resetBuffer();
        response.setContentLength(refilled.length);
        response.getOutputStream().write(refilled);
        response.flushBuffer();
    }

    private static String pathOf(String page) {
        int query = page.indexOf('?');
        return query < 0 ? page : page.substring(0, query);
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && !(authentication instanceof AnonymousAuthenticationToken) && authentication.isAuthenticated();
    }

    /** The held fields with the form's "show again" action, as the form's own post would carry them. */
    private static final class ShowAgain extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        ShowAgain(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getMethod() {
            return "POST";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
