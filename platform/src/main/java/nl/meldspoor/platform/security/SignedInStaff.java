package nl.meldspoor.platform.security;

import java.util.List;
import nl.meldspoor.api.staff.StaffGrant;

/** The authenticated person with the roles the staff directory gives them today, whatever role they act in. */
public record SignedInStaff(String personId, List<StaffGrant> roles) {

    public SignedInStaff {
        roles = List.copyOf(roles);
    }
}
