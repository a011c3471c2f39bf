package nl.meldspoor.platform.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import nl.meldspoor.platform.access.AccessLog;
import nl.meldspoor.platform.eventstore.AggregateCacheProperties;
import nl.meldspoor.platform.privacy.web.PersonalDataEndpoints;
import nl.meldspoor.platform.privacy.web.RetentionEndpoints;
import nl.meldspoor.platform.security.StaffAdministrators;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Crypto-shredding (DOMAIN.md §7). A write service seals the personal-data texts of its events under
 * per-record keys in its own database and opens them for those who may read them; a service that shows
 * texts sealed elsewhere asks their holder to open them for the person it answers.
 */
@AutoConfiguration(afterName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties({PersonalDataProperties.class, RetentionProperties.class})
public class PersonalDataAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataAutoConfiguration.class);

    /** In a write service: the keys, the sealing event serializer and the endpoint that opens texts. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTemplate.class, JacksonSerializer.class})
    @ConditionalOnProperty(prefix = "meldspoor.publishing", name = "topic")
    static class KeyHolding {

        /** Outside the embedded default, no start without this service's key-encryption key. */
        @Bean
        static KeyEncryptionKeyRequired keyEncryptionKeyRequired() {
            return new KeyEncryptionKeyRequired();
        }

        @Bean
        PersonalDataKeys personalDataKeys(JdbcTemplate jdbc, PersonalDataProperties properties, ObjectProvider<Clock> clock) {
            KeyWrapping wrapping = KeyWrapping.of(properties.keyEncryptionKey());
            if (!wrapping.wraps()) {
                log.warn("Record keys are stored unwrapped (the embedded default): a service on a configured database refuses to start without MELDSPOOR_KEY_ENCRYPTION_KEY");
            }
            return new PersonalDataKeys(jdbc, wrapping, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnMissingBean
        TextReaders textReaders() {
            return (caller, record) -> PersonalDataReaders.mayRead(caller, record.schoolId());
        }

        @Bean
        PersonalDataEndpoints personalDataEndpoints(PersonalDataKeys keys, TextReaders readers, PersonalDataProperties properties,
                                                    ObjectProvider<AccessLog> accessLog, @Value("${spring.application.name}") String holder) {
            if (properties.openers().values().stream().allMatch(secret -> secret == null || secret.isBlank())) {
                log.warn("No service may have texts opened here: set meldspoor.personal-data.openers.<service> "
                        + "(MELDSPOOR_SERVICE_CREDENTIAL_<SERVICE>) for the services that show this service's texts");
            }
            return new PersonalDataEndpoints(keys, readers, new ServiceCredentials(properties.openers()), accessLog.getIfAvailable(), holder);
        }

        @Bean
        PersonalDataLifecycle personalDataLifecycle(PersonalDataKeys keys,
                                                    @Qualifier(AggregateCacheProperties.BEAN) ObjectProvider<Cache> aggregateCache) {
            return new PersonalDataLifecycle(keys, aggregateId -> aggregateCache.ifAvailable(cache -> cache.remove(aggregateId)));
        }

        /** Keys follow their records in the transaction that stores the events. */
        @Bean
        ConfigurerModule personalDataKeysProcessor() {
            return configurer -> configurer.eventProcessing(processing ->
                    processing.registerSubscribingEventProcessor(PersonalDataLifecycle.PROCESSING_GROUP));
        }

        @Bean
        @ConditionalOnBean(ErasureCommands.class)
        RetentionSchedule retentionSchedule(PersonalDataKeys keys, ErasureCommands commands, CommandGateway gateway,
                                            RetentionProperties properties, ObjectProvider<Clock> clock) {
            return new RetentionSchedule(keys, commands, gateway, properties, clock.getIfAvailable(Clock::systemUTC));
        }

        @Bean
        @ConditionalOnBean(RetentionSchedule.class)
        RetentionEndpoints retentionEndpoints(RetentionSchedule schedule, StaffAdministrators administrators) {
            return new RetentionEndpoints(schedule, administrators);
        }

        /** Wraps Axon's own event serializer, so that the event store and the Kafka publisher use the sealing one. */
        @Bean
        static BeanPostProcessor sealingEventSerializer(ObjectProvider<PersonalDataKeys> keys, ObjectProvider<SnapshotRecords> snapshotRecords,
                                                        @Value("${spring.application.name}") String holder) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
                    // With one serializer type for everything, Axon's eventSerializer is the general serializer itself,
                    // already wrapped for snapshots below: events are sealed per text from its Jackson underneath.
                    Object events = bean instanceof SealedSnapshotSerializer snapshots ? snapshots.delegate() : bean;
                    if ("eventSerializer".equals(beanName) && events instanceof JacksonSerializer jackson) {
                        return new PersonalDataSerializer(jackson, keys::getObject, holder);
                    }
                    // Axon's general serializer writes the snapshots: an aggregate's snapshot is sealed whole.
                    if ("serializer".equals(beanName) && bean instanceof org.axonframework.serialization.Serializer general
                            && !(bean instanceof SealedSnapshotSerializer)) {
                        return new SealedSnapshotSerializer(general, keys::getObject, snapshotRecords::orderedStream, holder);
                    }
                    return bean;
                }
            };
        }
    }

    /** In every service: no response leaves with a sealed text in it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TextOpening {

        @Bean
        KeyHolders keyHolders(PersonalDataProperties properties, ObjectMapper json, @Value("${spring.application.name}") String service) {
            return new KeyHolders(properties.holders(), json, properties.timeout(),
                    ServiceCredentials.header(service, properties.serviceCredential()));
        }

        @Bean
        SealedTextOpener sealedTextOpener(KeyHolders keyHolders, ObjectMapper json) {
            return new SealedTextOpener(keyHolders, json);
        }
    }
}
