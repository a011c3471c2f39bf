package nl.meldspoor.casework;

import nl.meldspoor.casework.meldcase.MeldcodeCase;
import nl.meldspoor.platform.privacy.SnapshotRecords;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import nl.meldspoor.api.calendar.WorkingDays;
import java.util.Optional;
import nl.meldspoor.api.meldcase.EraseCaseText;
import nl.meldspoor.casework.meldcase.state.CaseStates;
import nl.meldspoor.platform.privacy.ErasureCommands;
import nl.meldspoor.platform.privacy.ProtectedRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CaseServiceConfiguration {

    @Bean
    CaseStates caseStates(WorkingDays workingDays, CaseServiceProperties properties) {
        return new CaseStates(workingDays, properties.veiligThuisFeedbackDays());
    }

    /** The case-service holds the keys of meldcode cases. */
    @Bean
    ErasureCommands caseTextErasure() {
        return (record, retention, now) -> record.type() == ProtectedRecord.RecordType.MELDCODE_CASE
                ? Optional.of(new EraseCaseText(record.recordId(), retention, now))
                : Optional.empty();
    }

    /** A case's snapshot is sealed under the case's own key, as the texts of its events are. */
    @Bean
    SnapshotRecords caseSnapshots() {
        return SnapshotRecords.of(MeldcodeCase.class,
                meldcodeCase -> new ProtectedRecord(ProtectedRecord.RecordType.MELDCODE_CASE, meldcodeCase.caseId(), meldcodeCase.schoolId()));
    }

    @Bean
    OpenAPI caseServiceApi() {
        return new OpenAPI().info(new Info()
                .title("Meldspoor case-service")
                .version("v1")
                .description("""
                        Het dossier meldcode: stap 2 tot en met 5 van de meldcode huiselijk geweld en kindermishandeling, \
                        met het afwegingskader (2019). Elke opdracht geeft het dossierkenmerk en de nieuwe versie terug; \
                        stuur die versie mee als If-Match om gelijktijdige wijzigingen te ontdekken, en een Idempotency-Key \
                        om een opdracht veilig te herhalen. Fouten volgen RFC 9457 (application/problem+json) en noemen de regel.""")
                .license(new License().name("EUPL-1.2")));
    }
}
