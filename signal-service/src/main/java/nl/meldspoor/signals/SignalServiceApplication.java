package nl.meldspoor.signals;

import nl.meldspoor.platform.AxonDefaults;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The signal-service: signals per pupil (meldcode step 1, the zorglogboek) and the incident register. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SignalServiceApplication {

    public static void main(String[] args) {
        AxonDefaults.apply();
        SpringApplication.run(SignalServiceApplication.class, args);
    }
}
