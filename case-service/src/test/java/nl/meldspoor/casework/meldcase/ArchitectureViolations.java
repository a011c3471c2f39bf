package nl.meldspoor.casework.meldcase;

/** Classes that break the case-service's architecture rules, to prove each rule refuses them (never loaded by the service). */
public final class ArchitectureViolations {

    private ArchitectureViolations() {
    }

    /** The domain reaching for Spring. */
    public static class DomainUsingSpring {
        org.springframework.context.ApplicationContext context;
    }

    /** A controller inside the domain package. */
    @org.springframework.web.bind.annotation.RestController
    public static class ControllerInTheDomain {
    }

    /** The service reaching into another service's internals. */
    public static class ReachingIntoAnotherService {
        nl.meldspoor.otherservice.Internal internal;
    }
}
