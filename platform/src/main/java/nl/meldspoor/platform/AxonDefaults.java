package nl.meldspoor.platform;

/**
 * Axon Framework's update checker reports usage to AxonIQ over the internet; a system holding
 * suspicions of child abuse makes no unrequested outbound calls. Axon reads the switch only as a
 * JVM system property or environment variable, so services set it before they start.
 */
public final class AxonDefaults {

    private AxonDefaults() {
    }

    public static void apply() {
        setUnlessConfigured("axoniq.update-checker.disabled", "true");
        setUnlessConfigured("disable-axoniq-console-message", "true");
    }

    private static void setUnlessConfigured(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
