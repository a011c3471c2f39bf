package nl.meldspoor.web.audit;

import nl.meldspoor.web.staff.FakeStaffAdministration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The audit and staff ports as fakes, next to the other pages' fakes of {@code PagesTestConfiguration}. */
@TestConfiguration(proxyBeanMethods = false)
public class AuditFakes {

    @Bean
    @Primary
    FakeAuditWork fakeAuditWork() {
        return new FakeAuditWork();
    }

    @Bean
    @Primary
    FakeStaffAdministration fakeStaffAdministration() {
        return new FakeStaffAdministration();
    }
}
