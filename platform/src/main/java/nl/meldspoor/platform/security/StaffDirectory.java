package nl.meldspoor.platform.security;

import java.util.List;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;

/** The board's staff directory as this service knows it: who holds which role where. */
public interface StaffDirectory {

    /** Every grant the person holds, also ones past their end date. */
    List<StaffGrant> grantsOf(String personId);

    /** False while the directory is still being read at start-up: nobody can be authorised yet. */
    boolean isLoaded();

    void apply(StaffEvent event);
}
