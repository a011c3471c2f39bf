package nl.meldspoor.platform.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Settings of the JDBC event store that every write service shares. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration")
@ConditionalOnClass(PersistenceExceptionResolver.class)
public class EventStoreAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }
}
