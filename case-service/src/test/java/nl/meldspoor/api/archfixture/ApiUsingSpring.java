package nl.meldspoor.api.archfixture;

/** A message type that depends on Spring: the published language must refuse it. */
public class ApiUsingSpring {
    org.springframework.context.ApplicationContext context;
}
