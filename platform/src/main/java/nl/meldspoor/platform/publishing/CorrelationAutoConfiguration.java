package nl.meldspoor.platform.publishing;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Before Axon's, whose {@code MessageOriginProvider} it replaces with {@link LiveMessageOriginProvider}. */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(CorrelationDataProvider.class)
public class CorrelationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CorrelationDataProvider.class)
    CorrelationDataProvider liveMessageOriginProvider() {
        return new LiveMessageOriginProvider();
    }
}
