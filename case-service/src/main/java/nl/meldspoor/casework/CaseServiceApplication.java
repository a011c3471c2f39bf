package nl.meldspoor.casework;

import nl.meldspoor.platform.AxonDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The case-service: meldcode cases (steps 2 to 5), event-sourced on PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseServiceApplication {

    public static void main(String[] args) {
        AxonDefaults.apply();
        SpringApplication.run(CaseServiceApplication.class, args);
    }
}
