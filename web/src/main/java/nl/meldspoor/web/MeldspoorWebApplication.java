package nl.meldspoor.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The web application for school staff: a backend-for-frontend in front of the services. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MeldspoorWebApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeldspoorWebApplication.class, args);
    }
}
