package nl.meldspoor.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a request without a valid bearer token (signature,
 * issuer, audience, expiry) never reaches a handler. Only actuator health and info stay open. Who the
 * token's subject is in the board comes from the {@link StaffDirectory}. The health's details go only to a
 * board administrator; the metrics only to the scrape credential, never to a staff token.
 *
 * <p>The issuer comes from {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (and
 * optionally {@code jwk-set-uri}); the audience from {@code spring.security.oauth2.resourceserver.jwt.audiences}.
 */
@AutoConfiguration(
        beforeName = {
                "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
                "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration"},
        afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties({MetricsScrapeProperties.class, TokenCacheProperties.class})
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);
    private static final String PROMETHEUS = "prometheus";

    /**
     * Refuses to start before any engine starts when no issuer is configured (no {@link JwtDecoder} would be
     * made): one clear message through {@link NoTokenIssuerFailureAnalyzer}, not a stack trace after the
     * embedded engines came up.
     */
    @Bean
    static BeanFactoryPostProcessor tokenIssuerRequired() {
        return beanFactory -> {
            if (beanFactory.getBeanNamesForType(JwtDecoder.class, true, false).length == 0) {
                throw new NoTokenIssuerConfiguredException();
            }
        };
    }

    /**
     * Where Spring Security's observations are switched off ({@code management.observations.enable.spring.security=false},
     * the write services' default), its filter chain, authentication and authorization are not wrapped for observing at
     * all. Switched off by the property alone, every filter of every request was still wrapped and asked the registry
     * whether to observe, only to be answered with a no-op.
     */
    @Bean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    static SecurityObservationSettings securityObservationsOff() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * {@code /actuator/prometheus} answers only the scrape credential (HTTP Basic, {@link MetricsScrapeProperties}).
     * A staff token is recognised here, so that it is refused as 403 like any other lack of right — even for a
     * principal or an auditor — and never opens the metrics.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain metricsScrape(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> decoder,
                                      MetricsScrapeProperties scrape) throws Exception {
        ProblemAuthenticationResponses problems = new ProblemAuthenticationResponses(json);
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(requireDecoder(decoder));
        if (!scrape.configured()) {
            log.info("No metrics scrape credential configured (MELDSPOOR_METRICS_SCRAPE_PASSWORD): /actuator/prometheus is closed");
        }
        return http
                .securityMatcher(EndpointRequest.to(PROMETHEUS))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ScrapeCredentials.AUTHORITY))
                .authenticationProvider(new ScrapeCredentials(scrape))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.authenticationManager(new ProviderManager(tokens)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> decoder,
                                       StaffAdministrators administrators) throws Exception {
        ProblemAuthenticationResponses problems = new ProblemAuthenticationResponses(json);
        return http
                .authorizeHttpRequests(requests -> requests
                        // open for liveness and readiness probes; the details only for an administrator (the
                        // services' management.endpoint.health.roles names StaffAdministrators.AUTHORITY)
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(requireDecoder(decoder)).jwtAuthenticationConverter(withAdministrators(administrators)))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only, no cookies: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static JwtDecoder requireDecoder(ObjectProvider<JwtDecoder> decoder) {
        JwtDecoder jwtDecoder = decoder.getIfAvailable();
        if (jwtDecoder == null) {
            throw new NoTokenIssuerConfiguredException();
        }
        return jwtDecoder;
    }

    /** The token's own authorities, plus {@link StaffAdministrators#AUTHORITY} for a configured administrator. */
    private static Converter<Jwt, AbstractAuthenticationToken> withAdministrators(StaffAdministrators administrators) {
        JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
        return jwt -> {
            List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
            if (administrators.isAdministrator(jwt.getSubject())) {
                authorities.add(new SimpleGrantedAuthority(StaffAdministrators.AUTHORITY));
            }
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    /**
     * Every {@link JwtDecoder} (Spring Boot's, from the issuer) answers through a {@link DecodedTokenCache}: a session's
     * token is checked once, not on every request.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor decodedTokenCache(
            ObjectProvider<TokenCacheProperties> properties) {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof DecodedTokenCache)) {
                    TokenCacheProperties settings = properties.getIfAvailable(() -> new TokenCacheProperties(null, null));
                    return settings.maxSize() == 0 ? bean : new DecodedTokenCache(decoder, settings, java.time.Clock.systemUTC());
                }
                return bean;
            }
        };
    }

    @Bean
    nl.meldspoor.platform.web.MyRolesEndpoint myRolesEndpoint(nl.meldspoor.platform.web.ActingPersonResolver actingPerson) {
        return new nl.meldspoor.platform.web.MyRolesEndpoint(actingPerson);
    }

    @Bean
    StaffAdministrators staffAdministrators(@Value("${meldspoor.staff.administrators:}") java.util.List<String> subjects) {
        return new StaffAdministrators(subjects);
    }

    /** Readiness waits for the directory: the deployments put {@code staffDirectory} in the readiness group. */
    @Bean
    StaffDirectoryHealthIndicator staffDirectoryHealthIndicator(StaffDirectory staffDirectory) {
        return new StaffDirectoryHealthIndicator(staffDirectory);
    }

    @Bean
    @ConditionalOnMissingBean(StaffDirectory.class)
    KafkaStaffDirectory staffDirectory(KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
                                       ObjectMapper json,
                                       @Value("${meldspoor.staff.topic-replication-factor:1}") short replicationFactor,
                                       @Value("${meldspoor.kafka.min-insync-replicas:1}") int minInsyncReplicas) {
        Map<String, Object> consumer = staffDirectoryConsumer(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumerBootstrapServers());
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties(sslBundles.getIfAvailable()));
        admin.put("bootstrap.servers", connection.getAdminBootstrapServers());
        return new KafkaStaffDirectory(consumer, admin, json, ConsumedTopics.withMinInsyncReplicas(ConsumedTopics.keptForever(Topics.STAFF, 1, replicationFactor), minInsyncReplicas));
    }

    /**
     * The staff directory's consumer from the service's consumer properties: no group, nothing committed, and every grant
     * and revocation fetched at once, whatever batch the service's other consumers wait for ({@code fetch.min.bytes},
     * {@code fetch.max.wait.ms}): a revoked role stops working, and the administrator's page shows it gone, as soon as the
     * directory has read it, and its few records cost nothing to fetch one by one.
     */
    static Map<String, Object> staffDirectoryConsumer(Map<String, Object> serviceConsumer) {
        Map<String, Object> consumer = new HashMap<>(serviceConsumer);
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "meldspoor-staff-directory");
        consumer.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        consumer.remove(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG);
        return consumer;
    }
}
