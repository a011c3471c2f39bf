package nl.meldspoor.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Sizes the service's own pool ({@code dataSource}: Spring Boot's for a configured database, or the embedded
 * PostgreSQL's) from {@link ConnectionPoolProperties}. Flyway's owner pool is left alone.
 */
@AutoConfiguration
@ConditionalOnClass(HikariDataSource.class)
@EnableConfigurationProperties(ConnectionPoolProperties.class)
public class ConnectionPoolAutoConfiguration {

    @Bean
    static BeanPostProcessor connectionPoolSizing(ObjectProvider<ConnectionPoolProperties> properties) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && "dataSource".equals(beanName)) {
                    ConnectionPoolProperties sizes = properties.getIfAvailable(() -> new ConnectionPoolProperties(null, null));
                    pool.setMaximumPoolSize(sizes.poolSize());
                    pool.setMinimumIdle(sizes.poolMinIdle());
                }
                return bean;
            }
        };
    }
}
