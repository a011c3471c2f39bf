package nl.meldspoor.signals.pupil;

/** Classes that break the signal-service's architecture rules, to prove each rule refuses them (never loaded by the service). */
public final class ArchitectureViolations {

    private ArchitectureViolations() {
    }

    public static class DomainUsingSpring {
        org.springframework.context.ApplicationContext context;
    }

    @org.springframework.web.bind.annotation.RestController
    public static class ControllerInTheDomain {
    }

    public static class ReachingIntoAnotherService {
        nl.meldspoor.otherservice.Internal internal;
    }
}
