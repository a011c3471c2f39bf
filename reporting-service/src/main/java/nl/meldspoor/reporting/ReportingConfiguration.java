package nl.meldspoor.reporting;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import nl.meldspoor.api.calendar.WorkingDays;
import nl.meldspoor.reporting.meldcase.fold.CaseStates;
import nl.meldspoor.reporting.meldcase.CaseDeadlines;
import nl.meldspoor.reporting.rapportage.Rapportages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    @Bean
    CaseStates caseStates(WorkingDays workingDays, @Value("${meldspoor.cases.veilig-thuis-feedback-days:5}") int feedbackDays) {
        return new CaseStates(workingDays, feedbackDays);
    }

    @Bean
    CaseDeadlines caseDeadlines(WorkingDays workingDays, @Value("${meldspoor.cases.veilig-thuis-feedback-days:5}") int feedbackDays) {
        return new CaseDeadlines(workingDays, feedbackDays);
    }

    @Bean
    Rapportages rapportages(CaseStates caseStates) {
        return new Rapportages(caseStates);
    }

    @Bean
    OpenAPI reportingApi() {
        return new OpenAPI().info(new Info()
                .title("Meldspoor reporting-service")
                .version("v1")
                .description("""
                        Dossiers, de rapportage meldcode en dashboards voor school, cluster en bestuur, opgebouwd uit de \
                        gepubliceerde events. Boven schoolniveau geen gegevens op leerlingniveau en geen kleine aantallen.""")
                .license(new License().name("EUPL-1.2")));
    }
}
