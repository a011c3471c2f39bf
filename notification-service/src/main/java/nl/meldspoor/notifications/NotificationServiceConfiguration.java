package nl.meldspoor.notifications;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.time.Clock;
import nl.meldspoor.api.calendar.DutchPublicHolidays;
import nl.meldspoor.api.calendar.LiberationDay;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.api.meldcase.state.Deadlines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WorkingDays workingDays(@Value("${meldspoor.cases.liberation-day:EVERY_FIFTH_YEAR}") LiberationDay liberationDay) {
        return new WorkingDays(new DutchPublicHolidays(liberationDay));
    }

    @Bean
    Deadlines deadlines(WorkingDays workingDays, @Value("${meldspoor.cases.veilig-thuis-feedback-days:5}") int feedbackDays) {
        return new Deadlines(workingDays, feedbackDays);
    }

    @Bean
    OpenAPI notificationApi() {
        return new OpenAPI().info(new Info()
                .title("Meldspoor notification-service")
                .version("v1")
                .description("""
                        Meldingen en herinneringen uit de gebeurtenissen van dossiers, signalen en incidenten: \
                        de inbox per medewerker, met de bezorging per e-mail.""")
                .license(new License().name("EUPL-1.2")));
    }
}
