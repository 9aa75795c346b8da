package dev.gigstream.api.paystack;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.gigstream.messages.job.LifecycleDefaults;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackSettings;
import dev.gigstream.paystack.WebhookSignature;
import dev.gigstream.sagas.lifecycle.LifecycleSettings;
import dev.gigstream.sagas.payment.PaymentRetries;
import dev.gigstream.sandbox.LocalServer;
import dev.gigstream.sandbox.SandboxKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.UUID;

@Configuration(proxyBeanMethods = false)
class PaystackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaystackConfiguration.class);

    @Bean
    PaymentsMode paymentsMode(@Value("${gigstream.payments.mode:paystack}") String mode) {
        return PaymentsMode.of(mode);
    }

    /**
     * {@code gigstream.paystack} as the mode wants it: without a key when payments are off; with the
     * sandbox's key and no source check (webhooks come from the app itself) in sandbox mode.
     */
    @Bean
    PaystackProperties paystackProperties(Environment environment, PaymentsMode mode, ObjectProvider<SandboxKey> sandboxKey) {
        PaystackProperties configured = Binder.get(environment).bindOrCreate("gigstream.paystack", PaystackProperties.class);
        return switch (mode) {
            case PAYSTACK -> configured;
            case OFF -> configured.with(null, configured.webhookSourceCheck());
            case SANDBOX -> configured.with(sandboxKey.getObject().secretKey(), false);
        };
    }

    @Bean
    PaystackClient paystackClient(PaystackProperties properties, PaymentsMode mode, ObjectProvider<LocalServer> localServer) {
        if (mode == PaymentsMode.SANDBOX) {
            LocalServer server = localServer.getObject();
            return new PaystackClient(PaystackSettings.of("http://127.0.0.1/sandbox/paystack/", properties.secretKey()),
                    server::paystackApi);
        }
        if (!properties.configured()) {
            log.warn("Payments are off ({}): hiring is refused (503 PAYMENTS_NOT_CONFIGURED) and every webhook is answered 401",
                    mode == PaymentsMode.OFF ? "GIGSTREAM_PAYMENTS=off" : "PAYSTACK_SECRET_KEY is not set");
        }
        return new PaystackClient(PaystackSettings.of(properties.baseUrl(), String.valueOf(properties.secretKey())));
    }

    /** Without a secret key no signature can be valid: every webhook is answered 401. */
    @Bean
    WebhookSignature webhookSignature(PaystackProperties properties) {
        String key = properties.secretKey();
        return new WebhookSignature(key == null || key.isBlank() ? "unset-" + UUID.randomUUID() : key);
    }

    /** The escrows' and premium subscriptions' reconciliation, one sweep at a time across instances. */
    @Bean
    RecurringTask<Void> paystackReconciliation(PaystackProperties properties, ReconciliationSweep sweep) {
        return Tasks.recurring("paystack-reconciliation", FixedDelay.of(properties.reconcileEvery()))
                .execute((instance, context) -> sweep.sweep());
    }

    @Bean
    LifecycleSettings lifecycleSettings(@Value("${gigstream.lifecycle.payment-window:${GIGSTREAM_PAYMENT_WINDOW:"
                                                + LifecycleDefaults.PAYMENT_WINDOW_HOURS + "h}}") Duration paymentWindow,
                                        @Value("${gigstream.lifecycle.confirmation-window:48h}") Duration confirmationWindow,
                                        @Value("${gigstream.lifecycle.check-out-grace:2h}") Duration checkOutGrace) {
        return new LifecycleSettings(paymentWindow, confirmationWindow, checkOutGrace);
    }

    @Bean
    PaymentRetries paymentRetries(@Value("${gigstream.lifecycle.max-payout-attempts:5}") int maxPayoutAttempts,
                                  @Value("${gigstream.lifecycle.payout-retry-backoff:1m}") Duration backoff) {
        return new PaymentRetries(maxPayoutAttempts, backoff);
    }
}
