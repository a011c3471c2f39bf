package nl.meldspoor.notifications;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationServiceConfiguration {

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
