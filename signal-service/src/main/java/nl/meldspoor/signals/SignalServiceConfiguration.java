package nl.meldspoor.signals;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import java.util.Optional;
import nl.meldspoor.api.incident.EraseIncidentText;
import nl.meldspoor.api.signal.ErasePupilFileText;
import nl.meldspoor.platform.privacy.ErasureCommands;
import nl.meldspoor.platform.privacy.RetentionProperties;
import nl.meldspoor.signals.caseholds.CaseHolds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SignalServiceConfiguration {

    /** The signal-service holds the keys of pupils' files of signals and of incidents. */
    @Bean
    ErasureCommands signalTextErasure(CaseHolds caseHolds, RetentionProperties retention) {
        return (record, period, now) -> switch (record.type()) {
            // the pupil file decides whether a case still holds the text; it is told which cases there are
            case PUPIL_FILE -> Optional.of(new ErasePupilFileText(record.recordId(), record.schoolId(), period, now,
                    caseHolds.of(record.recordId(), record.schoolId()), retention.meldcodeCase()));
            case INCIDENT -> Optional.of(new EraseIncidentText(record.recordId(), period, now));
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
