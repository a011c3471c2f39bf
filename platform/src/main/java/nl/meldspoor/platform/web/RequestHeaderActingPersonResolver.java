package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;

/**
 * Until authentication is in place: the acting person comes from the {@code X-Meldspoor-Person}
 * and {@code X-Meldspoor-Role} headers. Not for production use.
 */
public class RequestHeaderActingPersonResolver implements ActingPersonResolver {

    public static final String PERSON_HEADER = "X-Meldspoor-Person";
    public static final String ROLE_HEADER = "X-Meldspoor-Role";

    @Override
    public Actor resolve(HttpServletRequest request) {
        String person = request.getHeader(PERSON_HEADER);
        String role = request.getHeader(ROLE_HEADER);
        if (person == null || person.isBlank() || role == null || role.isBlank()) {
            throw new UnknownActorException("Geef aan wie handelt: headers " + PERSON_HEADER + " en " + ROLE_HEADER + ".");
        }
        try {
            return new Actor(person.strip(), Role.valueOf(role.strip()));
        } catch (IllegalArgumentException e) {
            throw new UnknownActorException("Onbekende rol '" + role + "'; toegestaan: " + Arrays.toString(Role.values()) + ".");
        }
    }
}
