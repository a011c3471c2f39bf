package nl.meldspoor.web.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Refills a held form after sign-in ({@link HeldFormRefill}): a servlet filter just after Spring Security's chain. */
@Configuration(proxyBeanMethods = false)
class HeldFormFilters {

    @Bean
    FilterRegistrationBean<HeldFormRefill> heldFormRefill(HeldFormProperties properties, ObjectProvider<Clock> clocks) {
        FilterRegistrationBean<HeldFormRefill> registration =
                new FilterRegistrationBean<>(new HeldFormRefill(properties, clocks.getIfAvailable(Clock::systemUTC)));
        // after the security chain: the GET has been authenticated and CSRF-checked before it shows the held form
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
