package nl.meldspoor.web.security;

import nl.meldspoor.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * A backend-for-frontend: people sign in at the board's OIDC provider with the authorization code flow and PKCE;
 * their tokens stay in the server-side session (PostgreSQL), the browser holds only an HttpOnly, SameSite=Lax session
 * cookie. Every form carries a CSRF token. Signing out ends the session here and at the provider.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurity {

    static final String SIGNED_OUT_PAGE = "/afgemeld";
    static final String CSRF_REFUSED = "csrf";

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients,
                              WebProperties properties, HeldFormProperties heldFormProperties,
                              org.springframework.beans.factory.ObjectProvider<java.time.Clock> clocks) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE also for this confidential client: a stolen authorization code is worthless without the verifier
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        String signIn = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI + "/" + properties.registrationId();
        java.time.Clock clock = clocks.getIfAvailable(java.time.Clock::systemUTC);
        // a form sent after the session ended is held until sign-in instead of refused for its outdated CSRF token
        HeldForms heldForms = new HeldForms(heldFormProperties, signIn, clock);
        http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                SIGNED_OUT_PAGE, "/error").permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce))
                        .authorizedClientRepository(authorizedClients)
                        .successHandler(new HeldFormSignIn(heldFormProperties, clock)))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .exceptionHandling(exceptions -> exceptions
                        // straight to the provider: there is nothing to choose on a sign-in page of our own
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(signIn))
                        .accessDeniedHandler((request, response, denied) -> {
                            if (denied instanceof CsrfException) {
                                // a form without (or with an outdated) CSRF token: refused, and said so
                                response.sendError(HttpStatus.FORBIDDEN.value(), CSRF_REFUSED);
                            } else {
                                // a page one may not see looks like one that does not exist (UI.md: 403 looks like 404)
                                response.sendError(HttpStatus.NOT_FOUND.value());
                            }
                        }))
                .logout(logout -> logout
                        .logoutUrl("/afmelden")
                        .logoutSuccessHandler(providerLogout(registrations))
                        .invalidateHttpSession(true)
                        .deleteCookies("MELDSPOOR_SESSION"))
                .csrf(Customizer.withDefaults())
                .headers(headers -> headers
                        // no page with personal data stays in a browser's cache (UI.md: no-store)
                        .cacheControl(Customizer.withDefaults())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self' "
                                        + providerOrigin(registrations, properties) + "; frame-ancestors 'none'; base-uri 'self'")))
                .addFilterAfter(new AbsoluteSessionTimeout(properties.absoluteTimeout(), heldForms),
                        org.springframework.security.web.context.SecurityContextHolderFilter.class)
                .addFilterBefore(heldForms, org.springframework.security.web.csrf.CsrfFilter.class);
        return http.build();
    }

    /** Signing out is a form whose answer redirects to the provider, and browsers hold redirects to form-action. */
    private static String providerOrigin(ClientRegistrationRepository registrations, WebProperties properties) {
        java.net.URI authorization = java.net.URI.create(
                registrations.findByRegistrationId(properties.registrationId()).getProviderDetails().getAuthorizationUri());
        return authorization.getScheme() + "://" + authorization.getAuthority();
    }

    /** OIDC RP-initiated logout: the provider ends its session too and sends the person back to {@value #SIGNED_OUT_PAGE}. */
    private static LogoutSuccessHandler providerLogout(ClientRegistrationRepository registrations) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + SIGNED_OUT_PAGE);
        handler.setDefaultTargetUrl(SIGNED_OUT_PAGE);
        return handler;
    }

    /** The person's tokens live in their session, so they survive a restart and reach a second replica (Spring Session JDBC). */
    @Bean
    OAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the person's access token, refreshing it with the refresh token when it has expired (30 minutes locally). */
    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository authorizedClients) {
        OAuth2AuthorizedClientProvider provider = OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build();
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return manager;
    }

}
