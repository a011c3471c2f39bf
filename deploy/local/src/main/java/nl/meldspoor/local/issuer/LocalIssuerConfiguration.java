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
 * id) and as users of the login form, every token for the {@value #AUDIENCE} audience. Only the web
 * server and the authorization server are configured: nothing of the services' platform runs here.
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
    static final String AUDIENCE = "meldspoor";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    LocalIssuerConfiguration(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            throw new IllegalStateException("The local issuer with demo users starts only in the '" + PROFILE + "' profile of deploy/local");
        }
    }

    @Bean
    RegisteredClientRepository demoStaffClients() {
        List<RegisteredClient> clients = DemoStaff.people().stream()
                .map(person -> RegisteredClient.withId(UUID.randomUUID().toString())
                        .clientId(person)
                        .clientSecret("{noop}" + DemoStaff.PASSWORD)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                        .build())
                .toList();
        return new DemoClients(clients);
    }

    @Bean
    UserDetailsService demoStaffUsers() {
        return new InMemoryUserDetailsManager(DemoStaff.people().stream()
                .map(person -> User.withUsername(person).password("{noop}" + DemoStaff.PASSWORD).roles("STAFF").build())
                .toList());
    }

    /** The services accept only tokens meant for Meldspoor. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> meldspoorAudience() {
        return context -> context.getClaims().audience(List.of(AUDIENCE));
    }
}
