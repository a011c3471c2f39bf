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

    /** Earlier revisions of the published language in this service's own store read as the current revision. */
    @Bean
    org.axonframework.serialization.upcasting.event.EventUpcasterChain publishedLanguageUpcasters() {
        return new org.axonframework.serialization.upcasting.event.EventUpcasterChain(
                nl.meldspoor.platform.upcasting.PublishedLanguageUpcasters.ALL.stream()
                        .<org.axonframework.serialization.upcasting.event.EventUpcaster>map(nl.meldspoor.platform.upcasting.AxonJsonUpcaster::new)
                        .toList());
    }

    @Bean
    @ConditionalOnMissingBean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }
}
