package nl.meldspoor.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session a fixed time after it began, however active it is: a shared school computer left signed in is not
 * signed in forever. The idle time-out is the session store's own ({@code spring.session.timeout}).
 */
class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration limit;

    private final HeldForms heldForms;

    AbsoluteSessionTimeout(Duration limit) {
        this(limit, null);
    }

    AbsoluteSessionTimeout(Duration limit, HeldForms heldForms) {
        this.limit = limit;
        this.heldForms = heldForms;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > limit.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            // a form sent just as the session ended is held until the person has signed in again (UI.md "Never lose input")
            if (heldForms != null && heldForms.hold(request, response)) {
                return;
            }
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        chain.doFilter(request, response);
    }
}
