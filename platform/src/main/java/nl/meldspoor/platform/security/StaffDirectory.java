package nl.meldspoor.platform.security;

import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;

/** The board's staff directory as this service knows it: who holds which role where. */
public interface StaffDirectory {

    /** Every grant the person holds, also ones past their end date. */
    List<StaffGrant> grantsOf(String personId);

    /**
     * Everyone who holds the role at exactly this scope (a school, cluster or the board), also past its end date:
     * who is to be told about something there, as of now.
     */
    Set<String> holders(Role role, String scope);

    /** False while the directory is still being read at start-up: nobody can be authorised yet. */
    boolean isLoaded();

    void apply(StaffEvent event);
}
