package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meldspoor.platform.security.SignedInStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: the signed-in person's roles as this service knows them today, so a client can
 * offer the roles to act in — and see when a change in the staff directory has reached the service.
 */
@RestController
public class MyRolesEndpoint {

    private final ActingPersonResolver actingPerson;

    public MyRolesEndpoint(ActingPersonResolver actingPerson) {
        this.actingPerson = actingPerson;
    }

    @GetMapping("/api/me")
    SignedInStaff me(HttpServletRequest request) {
        return actingPerson.staffMember(request);
    }
}
