package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.security.Caller;
import nl.meldspoor.platform.security.SignedInStaff;

/** Who acts in a request, and in which role: the authenticated person as the staff directory knows them. */
public interface ActingPersonResolver {

    Caller resolve(HttpServletRequest request);

    /** The authenticated person, whatever role they hold today, for what is their own: their inbox, their roles. */
    SignedInStaff staffMember(HttpServletRequest request);
}
