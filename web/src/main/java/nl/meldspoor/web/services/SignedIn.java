package nl.meldspoor.web.services;

import java.util.List;

/** {@code GET /api/me} of a service: who signed in and which roles they hold today. */
public record SignedIn(String personId, List<StaffRole> roles) {

    public SignedIn {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
