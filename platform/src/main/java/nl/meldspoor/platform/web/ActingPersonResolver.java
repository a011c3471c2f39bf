package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.security.Caller;

/** Who acts in a request, and in which role: the authenticated person as the staff directory knows them. */
public interface ActingPersonResolver {

    Caller resolve(HttpServletRequest request);

    /** The authenticated person, whatever role they hold today, for what is their own: their inbox, their roles. */
    String staffMemberId(HttpServletRequest request);
}
