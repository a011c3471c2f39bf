package nl.meldspoor.web.staff;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** For the link on Vandaag ({@code templates/staff/links.html}, as {@code @staffLinks}): shown to whom the service lets administer. */
@Component("staffLinks")
public class StaffLinks {

    private final StaffAdministration staff;

    StaffLinks(StaffAdministration staff) {
        this.staff = staff;
    }

    public boolean administrator() {
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        return person != null && staff.isAdministrator(person.getName());
    }
}
