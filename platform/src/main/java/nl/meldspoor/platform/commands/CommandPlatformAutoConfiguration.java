package nl.meldspoor.platform.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Idempotent, transactional command execution and command validation for the write services. */
@AutoConfiguration(afterName = {
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({CommandGateway.class, JdbcTemplate.class})
@ConditionalOnBean({CommandGateway.class, EventStore.class, JdbcTemplate.class, PlatformTransactionManager.class})
@EnableConfigurationProperties(IdempotencyProperties.class)
public class CommandPlatformAutoConfiguration {

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbcTemplate, IdempotencyProperties properties) {
        return new IdempotencyStore(jdbcTemplate, properties.idempotencyRetention());
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store, IdempotencyProperties properties) {
        return new IdempotencyCleanup(store, properties);
    }

    @Bean
    CommandExecutor commandExecutor(CommandGateway commandGateway, EventStore eventStore, PlatformTransactionManager transactionManager,
                                    IdempotencyStore idempotencyStore, ObjectMapper objectMapper) {
        return new CommandExecutor(commandGateway, eventStore, new TransactionTemplate(transactionManager),
                idempotencyStore, objectMapper);
    }

    /**
     * Commands are validated wherever they come from (HTTP, a process, a test), not only at the REST edge — by the
     * application's validator, so that a date is judged in the schools' zone there too.
     */
    @Bean
    SmartInitializingSingleton commandValidation(CommandBus commandBus, ObjectProvider<ValidatorFactory> validators) {
        return () -> commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>(
                validators.getIfAvailable(Validation::buildDefaultValidatorFactory)));
    }
}
