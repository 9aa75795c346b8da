package dev.gigstream.sandbox;

import dev.gigstream.paystack.WebhookSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Paystack sandbox ({@code gigstream.payments.mode=sandbox}): its key, its state, its timers and
 * webhooks; its API and pages are the two controllers beside it. In any other mode none of this exists
 * and every {@code /sandbox} route answers 404.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSandbox
@EnableConfigurationProperties(SandboxProperties.class)
public class SandboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    @Bean
    SandboxKey sandboxKey(@Value("${gigstream.paystack.secret-key:}") String configured) {
        return SandboxKey.configuredOrGenerated(configured);
    }

    @Bean
    LocalServer sandboxLocalServer() {
        return new LocalServer();
    }

    @Bean
    SandboxStore sandboxStore(JdbcClient jdbc) {
        return new SandboxStore(jdbc);
    }

    /** Timers and webhook deliveries: two daemon threads, never a request's. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sandboxScheduler() {
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("paystack-sandbox-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Bean
    WebhookDelivery sandboxWebhookDelivery(LocalServer server, SandboxKey key, ScheduledExecutorService sandboxScheduler) {
        return new WebhookDelivery(server, new WebhookSignature(key.secretKey()), sandboxScheduler);
    }

    @Bean
    SandboxPaystack sandboxPaystack(SandboxStore store, WebhookDelivery webhooks, ScheduledExecutorService sandboxScheduler,
                                    SandboxProperties properties, Clock clock,
                                    @Value("${gigstream.public-url:http://localhost:8080}") String publicUrl) {
        return new SandboxPaystack(store, webhooks, sandboxScheduler, properties, clock, publicUrl);
    }

    /** Once the app serves requests: the banner, and the timed work a restart interrupted is scheduled again. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> sandboxStart(SandboxPaystack paystack, SandboxProperties properties,
                                                            @Value("${gigstream.public-url:http://localhost:8080}") String publicUrl) {
        return event -> {
            log.warn("""

                    ************************************************************************
                    *  PAYMENTS SANDBOX: payments are simulated and no money moves.
                    *  Paystack's API, checkout pages and webhooks are played by this app.
                    *  Checkouts, transfers, refunds and subscriptions: {}/sandbox
                    *  Transfers settle after {}, subscriptions renew every {}.
                    *  Not for production: set GIGSTREAM_PAYMENTS=paystack there.
                    ************************************************************************""",
                    publicUrl.replaceAll("/$", ""), readable(properties.transferDelay()), readable(properties.subscriptionPeriod()));
            paystack.resumePending();
        };
    }

    /** 3 s, 30 days: as a person writes a delay, not ISO-8601's PT3S and PT720H. */
    static String readable(Duration duration) {
        if (duration.toDays() > 0 && duration.toHours() % 24 == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
