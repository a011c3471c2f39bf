package nl.meldspoor.signals;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.util.Optional;
import nl.meldspoor.api.incident.EraseIncidentText;
import nl.meldspoor.api.signal.ErasePupilFileText;
import nl.meldspoor.platform.privacy.ErasureCommands;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignalServiceConfiguration {

    /** The signal-service holds the keys of pupils' files of signals and of incidents. */
    @Bean
    ErasureCommands signalTextErasure() {
        return (record, retention, now) -> switch (record.type()) {
            case PUPIL_FILE -> Optional.of(new ErasePupilFileText(record.recordId(), record.schoolId(), retention, now));
            case INCIDENT -> Optional.of(new EraseIncidentText(record.recordId(), retention, now));
            case MELDCODE_CASE -> Optional.empty();
        };
    }

    @Bean
    OpenAPI signalServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Meldspoor signal-service")
                .version("v1")
                .description("""
                        Signalen per leerling (stap 1 van de meldcode, het zorglogboek) met correcties en zienswijzen van \
                        ouders, het opschalen naar een dossier meldcode, en de incidentenregistratie met de protocollen \
                        (pesten, ongewenst gedrag, meldplicht). Fouten volgen RFC 9457 en noemen de regel.""")
                .license(new License().name("EUPL-1.2")));
    }
}
