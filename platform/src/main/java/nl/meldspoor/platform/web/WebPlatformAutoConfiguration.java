package nl.meldspoor.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.List;
import nl.meldspoor.platform.security.CallerResolver;
import nl.meldspoor.platform.security.StaffDirectory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem responses, the authenticated caller and {@link CommandRequest} parameters for every service. */
@AutoConfiguration(beforeName = "org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebLimitsProperties.class)
public class WebPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ActingPersonResolver actingPersonResolver(StaffDirectory staffDirectory, Clock clock) {
        return new CallerResolver(staffDirectory, clock);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebLimitsProperties limits, ObjectMapper objectMapper) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(limits.maxRequestBody().toBytes(), objectMapper));
        // Before security and everything else: an oversized body is refused before anyone reads it.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SealedInputRefusal sealedInputRefusal() {
        return new SealedInputRefusal();
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    WebMvcConfigurer commandRequestParameters(ActingPersonResolver actingPersonResolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CommandRequestArgumentResolver(actingPersonResolver));
                resolvers.add(new CallerArgumentResolver(actingPersonResolver));
            }
        };
    }
}
