package nl.meldspoor.web.services;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;

/**
 * The role and place a person with more than one role chose to act in; kept in the session and sent to the services
 * as {@value ServiceCalls#ROLE_HEADER}.
 */
public record ActingRole(String role, String scope) implements Serializable {

    static final String ATTRIBUTE = "meldspoor.acting-role";

    public static Optional<ActingRole> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((ActingRole) session.getAttribute(ATTRIBUTE));
    }

    public void choose(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, this);
    }
}
