package dev.gigstream.api.paystack;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The monthly premium plan per currency: its Paystack code ({@code PAYSTACK_PREMIUM_PLAN_NGN},
 * {@code PAYSTACK_PREMIUM_PLAN_GHS}) or, when none is set, the price of the plan created at
 * Paystack (minor units: {@code GIGSTREAM_PREMIUM_PRICE_NGN}, {@code GIGSTREAM_PREMIUM_PRICE_GHS}).
 */
@ConfigurationProperties("gigstream.premium")
public record PremiumProperties(Map<String, String> plans, Map<String, Long> prices) {

    public PremiumProperties {
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        prices = prices == null ? Map.of() : Map.copyOf(prices);
    }
}
