package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.api.common.Actor;

/**
 * The one seam through which a request says who acts, and in which role. Authentication replaces
 * the implementation; handlers and controllers stay as they are.
 */
public interface ActingPersonResolver {

    /**
     * @throws UnknownActorException when the request does not identify an acting person
     */
    Actor resolve(HttpServletRequest request);
}
