package nl.meldspoor.web.incident;

import nl.meldspoor.web.rapportage.FakeRapportageSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The incident and rapportage ports as fakes (kept apart from PagesTestConfiguration, which other areas extend). */
@TestConfiguration(proxyBeanMethods = false)
public class IncidentTestConfiguration {

    @Bean
    @Primary
    FakeIncidentWork fakeIncidentWork() {
        return new FakeIncidentWork();
    }

    @Bean
    @Primary
    FakeRapportageSource fakeRapportageSource() {
        return new FakeRapportageSource();
    }
}
