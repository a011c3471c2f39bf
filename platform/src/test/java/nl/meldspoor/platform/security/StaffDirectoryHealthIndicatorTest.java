package nl.meldspoor.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import nl.meldspoor.api.common.Role;
import nl.meldspoor.api.staff.StaffEvent;
import nl.meldspoor.api.staff.StaffGrant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class StaffDirectoryHealthIndicatorTest {

    /** A directory that is loaded when the test says so. */
    private static final class LoadingDirectory implements StaffDirectory {

        private boolean loaded;

        @Override
        public List<StaffGrant> grantsOf(String personId) {
            return List.of();
        }

        @Override
        public Set<String> holders(Role role, String scope) {
            return Set.of();
        }

        @Override
        public boolean isLoaded() {
            return loaded;
        }

        @Override
        public void apply(StaffEvent event) {
        }
    }

    @Test
    void aReplicaIsOutOfServiceUntilItsStaffDirectoryIsReadThenUp() {
        LoadingDirectory directory = new LoadingDirectory();
        StaffDirectoryHealthIndicator indicator = new StaffDirectoryHealthIndicator(directory);

        assertThat(indicator.health().getStatus()).as("every request would be answered 503").isEqualTo(Status.OUT_OF_SERVICE);

        directory.loaded = true;
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
