package nl.meldspoor.platform.testing.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.meldspoor.api.common.Actor;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffRoleGranted;
import nl.meldspoor.api.staff.StaffRoleRevoked;
import nl.meldspoor.api.staff.StaffScope;
import nl.meldspoor.platform.security.StaffDirectory;
import nl.meldspoor.platform.testing.Eventually;

/**
 * Gives test actors their roles in a service's staff directory directly, as if the board
 * administrator's grants had been read from the staff topic. Tests of the directory itself go through
 * the admin API and Kafka instead.
 */
public final class TestStaff {

    private final StaffDirectory directory;

    /** Waits until the service has read its staff topic, as a request would have to. */
    public TestStaff(StaffDirectory directory) {
        this.directory = directory;
        Eventually.within(Duration.ofSeconds(60)).until(directory::isLoaded);
    }

    public TestStaff grant(Actor actor, String scope) {
        return grant(actor.personId(), actor.role(), scope, null);
    }

    public TestStaff grantBoardWide(Actor actor) {
        return grant(actor.personId(), actor.role(), StaffScope.BOARD, null);
    }

    public TestStaff grant(String personId, Role role, String scope, LocalDate validUntil) {
        directory.apply(new StaffRoleGranted(personId, role, scope, validUntil, "test-administrator", Instant.now()));
        return this;
    }

    public TestStaff revoke(Actor actor, String scope) {
        directory.apply(new StaffRoleRevoked(actor.personId(), actor.role(), scope, "test-administrator", Instant.now()));
        return this;
    }
}
