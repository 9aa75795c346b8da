package dev.gigstream.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;
import java.util.Map;

@SpringBootApplication(scanBasePackages = "dev.gigstream")
@ConfigurationPropertiesScan
@EnableScheduling
public class GigstreamApplication {

    static final String AXON_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        keepAxonUpdateCheckerOff(System.getenv());
        SpringApplication.run(GigstreamApplication.class, args);
    }

    /**
     * Axon calls an AxonIQ server a second after start and every minute unless told not to, and the
     * app calls nothing outside but its own services: the checker is off unless the operator turns it
     * on with Axon's own switch ({@code AXONIQ_UPDATE_CHECKER_DISABLED=false} or the system property).
     */
    static void keepAxonUpdateCheckerOff(Map<String, String> environment) {
        if (System.getProperty(AXON_UPDATE_CHECKER_DISABLED) == null
                && !environment.containsKey("AXONIQ_UPDATE_CHECKER_DISABLED")) {
            System.setProperty(AXON_UPDATE_CHECKER_DISABLED, "true");
        }
    }
}
