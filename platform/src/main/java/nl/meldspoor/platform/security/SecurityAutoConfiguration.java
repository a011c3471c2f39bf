package nl.meldspoor.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import nl.meldspoor.api.common.Topics;
import nl.meldspoor.platform.consuming.ConsumedTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is an OAuth2 resource server: a request without a valid bearer token (signature,
 * issuer, audience, expiry) never reaches a handler. Only actuator health and info stay open. Who the
 * token's subject is in the board comes from the {@link StaffDirectory}.
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
public class SecurityAutoConfiguration {

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, ObjectMapper json, ObjectProvider<JwtDecoder> decoder) throws Exception {
        if (decoder.getIfAvailable() == null) {
            throw new IllegalStateException("No token issuer configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(environment SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) to the board's OIDC issuer");
        }
        ProblemAuthenticationResponses problems = new ProblemAuthenticationResponses(json);
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder.getObject()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens only, no cookies: nothing for a cross-site request to ride on.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    nl.meldspoor.platform.web.MyRolesEndpoint myRolesEndpoint(nl.meldspoor.platform.web.ActingPersonResolver actingPerson) {
        return new nl.meldspoor.platform.web.MyRolesEndpoint(actingPerson);
    }

    @Bean
    StaffAdministrators staffAdministrators(@Value("${meldspoor.staff.administrators:}") java.util.List<String> subjects) {
        return new StaffAdministrators(subjects);
    }

    @Bean
    @ConditionalOnMissingBean(StaffDirectory.class)
    KafkaStaffDirectory staffDirectory(KafkaProperties kafka, KafkaConnectionDetails connection, ObjectProvider<SslBundles> sslBundles,
                                       ObjectMapper json,
                                       @Value("${meldspoor.staff.topic-replication-factor:1}") short replicationFactor,
                                       @Value("${meldspoor.kafka.min-insync-replicas:1}") int minInsyncReplicas) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties(sslBundles.getIfAvailable()));
        consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getConsumerBootstrapServers());
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "meldspoor-staff-directory");
        Map<String, Object> admin = new HashMap<>(kafka.buildAdminProperties(sslBundles.getIfAvailable()));
        admin.put("bootstrap.servers", connection.getAdminBootstrapServers());
        return new KafkaStaffDirectory(consumer, admin, json, ConsumedTopics.withMinInsyncReplicas(ConsumedTopics.keptForever(Topics.STAFF, 1, replicationFactor), minInsyncReplicas));
    }
}
