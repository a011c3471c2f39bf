package nl.meldspoor.platform.eventstore.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import nl.meldspoor.platform.security.StaffAdministrators;
import nl.meldspoor.platform.eventstore.chain.web.EventChainEndpoints;
import nl.meldspoor.platform.web.ActingPersonResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The hash chain of a write service's event store (migration V20 fills it): verification of one aggregate and
 * of all, a schedule, a health indicator and a metric, and the auditor's endpoints. Only services that keep
 * an event store (they publish it) get it.
 */
@AutoConfiguration(afterName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "nl.meldspoor.platform.security.SecurityAutoConfiguration", "nl.meldspoor.platform.web.WebPlatformAutoConfiguration"})
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnProperty(prefix = "meldspoor.publishing", name = "topic")
@EnableConfigurationProperties(EventChainProperties.class)
public class EventChainAutoConfiguration {

    @Bean
    EventChains eventChains(DataSource dataSource, PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        return new EventChains(dataSource, transactions, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    BoardChainVerifier boardChainVerifier(EventChains chains, JdbcTemplate jdbc, ObjectMapper json, EventChainProperties properties,
                                          ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new BoardChainVerifier(chains, jdbc, json, properties, clock.getIfAvailable(Clock::systemUTC), meters);
    }

    @Bean(name = "eventChainsHealthIndicator")
    EventChainHealthIndicator eventChainsHealthIndicator(BoardChainVerifier verifier) {
        return new EventChainHealthIndicator(verifier);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBean({StaffAdministrators.class, ActingPersonResolver.class})
    static class Endpoints {

        @Bean
        EventChainEndpoints eventChainEndpoints(EventChains chains, BoardChainVerifier verifier, StaffAdministrators administrators,
                                                ActingPersonResolver callers) {
            return new EventChainEndpoints(chains, verifier, administrators, callers);
        }
    }
}
