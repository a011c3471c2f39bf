package nl.meldspoor.local;

import java.time.Duration;
import java.util.List;

/** Lets tests in other packages load only the demo staff into a local system started without the demo board (quicker). */
public final class DemoStaffAccess {

    private DemoStaffAccess() {
    }

    public static void load(LocalSystem system) throws InterruptedException {
        new DemoStaffLoader(system.tokens(), system.caseServiceUrl(), List.of(system.caseServiceUrl(), system.signalServiceUrl(),
                system.reportingServiceUrl(), system.notificationServiceUrl())).load(Duration.ofMinutes(4));
    }
}
