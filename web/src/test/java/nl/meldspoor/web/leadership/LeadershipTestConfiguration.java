package nl.meldspoor.web.leadership;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The reporting-service's dashboards as a fake, next to the other fakes of {@code PagesTestConfiguration}. */
@TestConfiguration(proxyBeanMethods = false)
public class LeadershipTestConfiguration {

    @Bean
    @Primary
    FakeLeadershipReports fakeLeadershipReports() {
        return new FakeLeadershipReports();
    }
}
