package nl.meldspoor.web.sessions;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The sessions live in PostgreSQL. The web application's jar holds no database: given {@code SPRING_DATASOURCE_URL} it
 * uses the board's, given the embedded engines ({@code -Dloader.path=embedded-engines/target/engines}) it starts one
 * itself. With neither it refuses to start before any bean is made, with one message naming both
 * ({@link SessionsDatabaseFailureAnalyzer}), instead of Spring's "Failed to determine a suitable driver class".
 */
@Configuration(proxyBeanMethods = false)
public class SessionsDatabaseRequired {

    /** The embedded engines' PostgreSQL, by name: the web application does not depend on that module. */
    static final String EMBEDDED_POSTGRES = "nl.meldspoor.engines.postgres.EmbeddedPostgresAutoConfiguration";

    @Bean
    static BeanFactoryPostProcessor sessionsDatabaseCheck(Environment environment) {
        return new Check(environment);
    }

    private record Check(Environment environment) implements BeanFactoryPostProcessor {

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            String url = environment.getProperty("spring.datasource.url");
            if ((url == null || url.isBlank()) && !ClassUtils.isPresent(EMBEDDED_POSTGRES, beanFactory.getBeanClassLoader())) {
                throw new NoSessionsDatabaseException();
            }
        }
    }

    /** Neither {@code spring.datasource.url} nor the embedded engines. */
    public static class NoSessionsDatabaseException extends RuntimeException {
        NoSessionsDatabaseException() {
            super("No SPRING_DATASOURCE_URL configured and the embedded engines are not on the class path");
        }
    }
}
