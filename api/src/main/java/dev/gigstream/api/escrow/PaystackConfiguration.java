package dev.gigstream.api.escrow;

import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackSettings;
import dev.gigstream.paystack.WebhookSignature;
import dev.gigstream.sagas.lifecycle.LifecycleSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class PaystackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaystackConfiguration.class);

    @Bean
    PaystackClient paystackClient(PaystackProperties properties) {
        if (!properties.configured()) {
            log.warn("Payments are off: PAYSTACK_SECRET_KEY is not set, so hiring is refused (503 PAYMENTS_NOT_CONFIGURED)"
                    + " and every webhook is answered 401");
        }
        return new PaystackClient(PaystackSettings.of(properties.baseUrl(), String.valueOf(properties.secretKey())));
    }

    /** Without a secret key no signature can be valid: every webhook is answered 401. */
    @Bean
    WebhookSignature webhookSignature(PaystackProperties properties) {
        String key = properties.secretKey();
        return new WebhookSignature(key == null || key.isBlank() ? "unset-" + UUID.randomUUID() : key);
    }

    @Bean
    LifecycleSettings lifecycleSettings(@Value("${gigstream.lifecycle.payment-window:2h}") Duration paymentWindow,
                                        @Value("${gigstream.lifecycle.confirmation-window:48h}") Duration confirmationWindow,
                                        @Value("${gigstream.lifecycle.check-out-grace:2h}") Duration checkOutGrace,
                                        @Value("${gigstream.lifecycle.max-payout-attempts:5}") int maxPayoutAttempts,
                                        @Value("${gigstream.lifecycle.payout-retry-backoff:1m}") Duration backoff) {
        return new LifecycleSettings(paymentWindow, confirmationWindow, checkOutGrace, maxPayoutAttempts, backoff);
    }
}
