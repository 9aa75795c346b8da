package dev.gigstream.api.paystack;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payments mode where anyone looks: {@code /actuator/info} shows {@code payments: SANDBOX} (or
 * PAYSTACK, OFF), and {@code /actuator/health} a {@code payments} component, always UP, whose status
 * description names the mode, so an anonymous caller sees it without the details only operators see.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsStatus {

    @Bean
    InfoContributor paymentsInfoContributor(PaymentsMode mode) {
        return builder -> builder.withDetail("payments", mode.name());
    }

    @Bean
    HealthIndicator paymentsHealthIndicator(PaymentsMode mode, PaystackProperties properties) {
        Health health = Health.status(new Status(Status.UP.getCode(), mode.name()))
                .withDetail("mode", mode.name())
                .withDetail("configured", properties.configured())
                .build();
        return () -> health;
    }
}
