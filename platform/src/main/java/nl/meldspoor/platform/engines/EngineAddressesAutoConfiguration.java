package nl.meldspoor.platform.engines;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * A service needs the address of each engine it uses (and a service that sends mail, its SMTP server). The
 * in-process engines that stand in for them when none is configured live in the {@code embedded-engines} module,
 * which a service's jar does not contain (the local system and the tests bring it). Without an address and without
 * that module, the service refuses to start before any bean is made, with one message naming what to set (through
 * {@link MissingEngineFailureAnalyzer}), instead of Spring's "Failed to determine a suitable driver class" or a Kafka
 * client retrying localhost:9092 forever.
 */
@AutoConfiguration
public class EngineAddressesAutoConfiguration {

    /** The in-process engines' auto-configurations, by name: the platform does not depend on that module. */
    static final String EMBEDDED_POSTGRES = "nl.meldspoor.engines.postgres.EmbeddedPostgresAutoConfiguration";
    static final String EMBEDDED_KAFKA = "nl.meldspoor.engines.kafka.EmbeddedKafkaAutoConfiguration";
    static final String EMBEDDED_MONGO = "nl.meldspoor.engines.mongo.EmbeddedMongoAutoConfiguration";
    static final String EMBEDDED_MAIL = "nl.meldspoor.engines.mail.EmbeddedMailAutoConfiguration";

    @Bean
    static EngineAddressesRequired engineAddressesRequired() {
        return new EngineAddressesRequired();
    }

    /** Runs before any bean is made, so no engine or pool is started for a service that cannot run. */
    static final class EngineAddressesRequired implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            ClassLoader classLoader = beanFactory.getBeanClassLoader();
            List<String> missing = new ArrayList<>();
            if (uses("org.postgresql.Driver", classLoader) && uses("org.springframework.jdbc.core.JdbcTemplate", classLoader)
                    && blank("spring.datasource.url") && !ClassUtils.isPresent(EMBEDDED_POSTGRES, classLoader)) {
                missing.add("SPRING_DATASOURCE_URL");
            }
            if (uses("org.springframework.kafka.core.KafkaTemplate", classLoader)
                    && blank("spring.kafka.bootstrap-servers") && !ClassUtils.isPresent(EMBEDDED_KAFKA, classLoader)) {
                missing.add("SPRING_KAFKA_BOOTSTRAP_SERVERS");
            }
            if (uses("org.springframework.data.mongodb.core.MongoTemplate", classLoader)
                    && blank("spring.data.mongodb.uri") && blank("spring.data.mongodb.host") && !ClassUtils.isPresent(EMBEDDED_MONGO, classLoader)) {
                missing.add("SPRING_DATA_MONGODB_URI");
            }
            // without a host the mail of a service that sends it would go nowhere: refused, never swallowed
            if (uses("org.springframework.mail.javamail.JavaMailSenderImpl", classLoader) && uses("jakarta.mail.internet.MimeMessage", classLoader)
                    && blank("spring.mail.host") && !ClassUtils.isPresent(EMBEDDED_MAIL, classLoader)) {
                missing.add("SPRING_MAIL_HOST");
            }
            if (!missing.isEmpty()) {
                throw new MissingEngineException(missing, environment.getProperty("spring.application.name", "service"));
            }
        }

        private static boolean uses(String className, ClassLoader classLoader) {
            return ClassUtils.isPresent(className, classLoader);
        }

        private boolean blank(String property) {
            String value = environment.getProperty(property);
            return value == null || value.isBlank();
        }
    }
}
