package dev.gigstream.api.paystack;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Optional;

/**
 * The monthly premium plan of each currency at Paystack: the configured code, or a plan created once
 * at Paystack with the configured price; remembered with its price, so every instance uses the same one.
 */
@Component
class PremiumPlans {

    private final PremiumProperties properties;
    private final PaystackClient paystack;
    private final JdbcClient jdbc;

    PremiumPlans(PremiumProperties properties, PaystackClient paystack, JdbcClient jdbc) {
        this.properties = properties;
        this.paystack = paystack;
        this.jdbc = jdbc;
    }

    /** Paystack wants an amount with every checkout, the plan's included: the plan is known with its price. */
    record Plan(String code, long amount) {
    }

    synchronized Plan planFor(Currency currency) {
        return remembered(currency).orElseGet(() -> {
            String configured = properties.plans().get(currency.name());
            var plan = configured != null && !configured.isBlank() ? paystack.fetchPlan(configured) : create(currency);
            jdbc.sql("INSERT INTO paystack_plan (currency, plan_code, amount) VALUES (:currency, :code, :amount)")
                .param("currency", currency.name()).param("code", plan.planCode()).param("amount", plan.amount()).update();
            return new Plan(plan.planCode(), plan.amount());
        });
    }

    /** The currency of one of our premium plans; empty for any other plan on the Paystack account. */
    Optional<Currency> currencyOf(String planCode) {
        return Arrays.stream(Currency.values())
                .filter(currency -> planCode.equals(properties.plans().get(currency.name()))
                        || remembered(currency).map(Plan::code).filter(planCode::equals).isPresent())
                .findFirst();
    }

    private Optional<Plan> remembered(Currency currency) {
        return jdbc.sql("SELECT plan_code, amount FROM paystack_plan WHERE currency = :currency")
                .param("currency", currency.name())
                .query((row, number) -> new Plan(row.getString("plan_code"), row.getLong("amount"))).optional();
    }

    private PaystackApi.Plan create(Currency currency) {
        long price = properties.prices().getOrDefault(currency.name(), 0L);
        if (price <= 0) {
            throw new IllegalStateException("No premium plan or price configured for " + currency);
        }
        return paystack.createPlan(new PaystackApi.CreatePlan("Gigstream Premium (" + currency + ")", "monthly", price,
                currency.name()));
    }
}
