package nl.meldspoor.web;

import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/** The board's provider as fixed metadata (no discovery at start-up) and the services as a fake. */
@TestConfiguration(proxyBeanMethods = false)
public class PagesTestConfiguration {

    public static final String PROVIDER = "https://login.bestuur.test";

    @Bean
    @Primary
    FakeServices fakeServices() {
        return new FakeServices();
    }

    @Bean
    @Primary
    FakeCaseWork fakeCaseWork() {
        return new FakeCaseWork();
    }

    @Bean
    @Primary
    FakeLookBacks fakeLookBacks() {
        return new FakeLookBacks();
    }

    @Bean
    @Primary
    nl.meldspoor.web.audit.FakeAuditWork fakeAuditWork() {
        return new nl.meldspoor.web.audit.FakeAuditWork();
    }

    @Bean
    @Primary
    nl.meldspoor.web.staff.FakeStaffAdministration fakeStaffAdministration() {
        return new nl.meldspoor.web.staff.FakeStaffAdministration();
    }

    @Bean
    @Primary
    nl.meldspoor.web.leadership.FakeLeadershipReports fakeLeadershipReports() {
        return new nl.meldspoor.web.leadership.FakeLeadershipReports();
    }

    @Bean
    ClientRegistrationRepository clientRegistrations() {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId("meldspoor")
                .clientId("meldspoor-web")
                .clientSecret("secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .authorizationUri(PROVIDER + "/oauth2/authorize")
                .tokenUri(PROVIDER + "/oauth2/token")
                .jwkSetUri(PROVIDER + "/oauth2/jwks")
                .userInfoUri(PROVIDER + "/userinfo")
                .userNameAttributeName("sub")
                .issuerUri(PROVIDER)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", PROVIDER + "/connect/logout"))
                .build());
    }
}
