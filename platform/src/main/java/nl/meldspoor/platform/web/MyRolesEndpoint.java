package nl.meldspoor.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import nl.meldspoor.api.staff.StaffGrant;
import nl.meldspoor.platform.security.StaffDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: the signed-in person's roles as this service knows them today, so a client can
 * offer the roles to act in — and see when a change in the staff directory has reached the service.
 */
@RestController
public class MyRolesEndpoint {

    private final ActingPersonResolver actingPerson;
    private final StaffDirectory directory;
    private final java.time.Clock clock;

    public MyRolesEndpoint(ActingPersonResolver actingPerson, StaffDirectory directory, java.time.Clock clock) {
        this.actingPerson = actingPerson;
        this.directory = directory;
        this.clock = clock;
    }

    record MyRoles(String personId, List<StaffGrant> roles) {
    }

    @GetMapping("/api/me")
    MyRoles me(HttpServletRequest request) {
        String personId = actingPerson.staffMemberId(request);
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
        return new MyRoles(personId, directory.grantsOf(personId).stream().filter(grant -> grant.isValidOn(today)).toList());
    }
}
