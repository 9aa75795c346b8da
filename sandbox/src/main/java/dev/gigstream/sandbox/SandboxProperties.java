package dev.gigstream.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the sandbox plays Paystack: a transfer or refund is answered pending and settles after
 * {@code transferDelay} ({@code GIGSTREAM_SANDBOX_TRANSFER_DELAY}); a subscription renews every
 * {@code subscriptionPeriod} ({@code GIGSTREAM_SANDBOX_SUBSCRIPTION_PERIOD}).
 */
@ConfigurationProperties("gigstream.payments.sandbox")
public record SandboxProperties(@DefaultValue("3s") Duration transferDelay,
                                @DefaultValue("30d") Duration subscriptionPeriod) {
}
