package nl.meldspoor.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Names the authenticated person of the current request in logs, without personal data. */
public final class Callers {

    private Callers() {
    }

    public static String describe() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "an unauthenticated caller" : "person " + authentication.getName();
    }
}
