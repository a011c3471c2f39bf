package nl.meldspoor.web.staff;

import java.time.LocalDate;
import java.util.List;
import nl.meldspoor.web.services.StaffRole;

/**
 * The case-service's staff directory ({@code /api/staff}) as the board's administrator keeps it. Who is an administrator
 * is the service's answer (its configured administrators), never a list in the web.
 */
public interface StaffAdministration {

    /** A person and the roles the directory gives them (at one place, when listed per place). */
    record Person(String personId, List<StaffRole> roles) {
    }

    /** Whether the service lets the signed-in person read the directory, i.e. whether they administer it. */
    boolean isAdministrator(String personId);

    /** {@code GET /api/staff/{personId}}: every role of the person, also past its end date. */
    Person person(String personId);

    /** {@code GET /api/staff?scope=}: everyone with a role at a school, in a cluster or for the board ({@code board}). */
    List<Person> atScope(String scope);

    /** {@code POST /api/staff/{personId}/roles}. */
    void grant(String personId, String role, String scope, LocalDate validUntil);

    /** {@code DELETE /api/staff/{personId}/roles/{role}/{scope}}. */
    void revoke(String personId, String role, String scope);
}
