package nl.meldspoor.local.issuer;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import nl.meldspoor.local.DemoStaff;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.server.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Demo staff as OAuth2 clients of the client-credentials grant (the token's subject is the person
 * id) and as users of the sign-in page, every access token for the {@value #AUDIENCE} audience. The web
 * application signs them in as an OpenID Connect client (authorization code with PKCE, refresh tokens,
 * RP-initiated logout). Only the web server and the authorization server are configured: nothing of the
 * services' platform runs here.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class,
        ErrorMvcAutoConfiguration.class,
        SecurityAutoConfiguration.class,
        SecurityFilterAutoConfiguration.class,
        OAuth2AuthorizationServerAutoConfiguration.class,
        OAuth2AuthorizationServerJwtAutoConfiguration.class})
public class LocalIssuerConfiguration {

    static final String PROFILE = "local";
    static final String WEB_CLIENT_ID = "meldspoor.local.web.client-id";
    static final String WEB_CLIENT_SECRET = "meldspoor.local.web.client-secret";
    static final String WEB_BASE_URL = "meldspoor.local.web.base-url";
    /** A sign-in lasts at most as long as the web application's absolute session time-out. */
    private static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofHours(10);
    static final String AUDIENCE = "meldspoor";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    LocalIssuerConfiguration(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            throw new IllegalStateException("The local issuer with demo users starts only in the '" + PROFILE + "' profile of deploy/local");
        }
    }

    @Bean
    RegisteredClientRepository demoStaffClients(Environment environment) {
        List<RegisteredClient> clients = new java.util.ArrayList<>(DemoStaff.people().stream()
                .map(person -> RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(person)
                        .clientSecret("{noop}" + DemoStaff.PASSWORD)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                        .build())
                .toList());
        String webClientId = environment.getProperty(WEB_CLIENT_ID);
        if (webClientId != null) {
            clients.add(webApplication(new WebClientRegistration(webClientId, environment.getRequiredProperty(WEB_CLIENT_SECRET),
                    environment.getRequiredProperty(WEB_BASE_URL))));
        }
        return new DemoClients(clients);
    }

    /** The web application: a confidential OIDC client that must use PKCE, with refresh tokens and a post-logout address. */
    static RegisteredClient webApplication(WebClientRegistration web) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(web.clientId())
                .clientSecret("{noop}" + web.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(web.redirectUri())
                .postLogoutRedirectUri(web.postLogoutRedirectUri())
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(TOKEN_LIFETIME)
                        .refreshTokenTimeToLive(REFRESH_TOKEN_LIFETIME)
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    /** The authorization server's endpoints, OpenID Connect included (discovery, userinfo, end_session). */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()))
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint(SignInPage.PATH), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()));
        return http.build();
    }

    /** The sign-in page listing the demo staff; everything else needs a signed-in person. */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(SignInPage.PATH, "/error").permitAll().anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SignInPage.PATH).permitAll());
        return http.build();
    }

    @Bean
    SignInPage signInPage() {
        return new SignInPage();
    }

    @Bean
    UserDetailsService demoStaffUsers() {
        return new InMemoryUserDetailsManager(DemoStaff.people().stream()
                .map(person -> User.withUsername(person).password("{noop}" + DemoStaff.PASSWORD).roles("STAFF").build())
                .toList());
    }

    /** The services accept only access tokens meant for Meldspoor; an ID token stays meant for the client that asked. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> meldspoorAudience() {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(AUDIENCE));
            }
        };
    }
}
