package nl.meldspoor.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are and how long a sign-in lasts.
 *
 * @param services          base URLs of the services the pages call with the person's own token
 * @param absoluteTimeout   a session ends this long after sign-in, however active it is (the idle time-out is
 *                          {@code spring.session.timeout})
 * @param registrationId    the OAuth2 client registration of the board's identity provider
 */
@ConfigurationProperties("meldspoor.web")
public record WebProperties(Services services, Duration absoluteTimeout, String registrationId) {

    public record Services(URI caseService, URI signalService, URI reportingService, URI notificationService) {
    }
}
