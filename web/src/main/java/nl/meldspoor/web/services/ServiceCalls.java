package nl.meldspoor.web.services;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import nl.meldspoor.web.WebProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Token relay: every call to a service carries the signed-in person's own access token, refreshed when it has
 * expired, and the role they act in, so each rule, refusal and access-log entry stays in the service.
 */
public final class ServiceCalls {

    static final String ROLE_HEADER = "X-Meldspoor-Role";

    private ServiceCalls() {
    }

    public static ClientHttpRequestInterceptor tokenRelay(OAuth2AuthorizedClientManager clients, WebProperties properties) {
        return (request, body, execution) -> {
            Authentication person = SecurityContextHolder.getContext().getAuthentication();
            ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
            HttpServletRequest servletRequest = current.getRequest();
            HttpServletResponse servletResponse = current.getResponse();
            OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(properties.registrationId())
                    .principal(person)
                    .attributes(attributes -> attributes.putAll(Map.of(
                            HttpServletRequest.class.getName(), servletRequest,
                            HttpServletResponse.class.getName(), servletResponse)))
                    .build());
            if (client == null) {
                // no token (any more): the redirect filter sends the person to sign in again
                throw new ClientAuthorizationRequiredException(properties.registrationId());
            }
            request.getHeaders().setBearerAuth(client.getAccessToken().getTokenValue());
            ActingRole.current(servletRequest).ifPresent(role -> request.getHeaders().set(ROLE_HEADER, role.role()));
            request.getHeaders().set(HttpHeaders.ACCEPT, "application/json, application/problem+json");
            return execution.execute(request, body);
        };
    }
}
