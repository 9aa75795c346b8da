package dev.gigstream.api.paystack;

import dev.gigstream.api.auth.AccountEmails;
import dev.gigstream.api.premium.PremiumBilling;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.RefusedException;
import dev.gigstream.messages.worker.WorkerErrorCode;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Premium as Paystack sells it: a checkout of the currency's monthly plan (the worker's id in its
 * metadata, for the webhooks), and a cancellation that disables the subscription and remembers it no
 * longer renews.
 */
@Component
class PaystackPremiumBilling implements PremiumBilling {

    private final PaystackClient paystack;
    private final PaystackProperties properties;
    private final PremiumPlans plans;
    private final PremiumSubscriptions subscriptions;
    private final AccountEmails emails;

    PaystackPremiumBilling(PaystackClient paystack, PaystackProperties properties, PremiumPlans plans,
                           PremiumSubscriptions subscriptions, AccountEmails emails) {
        this.paystack = paystack;
        this.properties = properties;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.emails = emails;
    }

    @Override
    public String checkout(String workerId, Currency currency, String reference) {
        String email = emails.of(workerId).orElseThrow();
        var plan = plans.planFor(currency);
        var checkout = paystack.initializeTransaction(new PaystackApi.InitializeTransaction(email, plan.amount(),
                currency.name(), reference, properties.callbackUrl(), Map.of("workerId", workerId))
                .withPlan(plan.code()));
        return checkout.authorizationUrl();
    }

    @Override
    public void stopRenewal(String workerId) {
        var subscription = subscriptions.renewingOf(workerId)
                .orElseThrow(() -> new RefusedException(WorkerErrorCode.NO_PREMIUM_SUBSCRIPTION,
                        "Worker " + workerId + " has no premium subscription that renews"));
        paystack.disableSubscription(new PaystackApi.DisableSubscription(subscription.code(), subscription.emailToken()));
        subscriptions.save(new PremiumSubscriptions.Subscription(subscription.code(), subscription.workerId(),
                subscription.emailToken(), subscription.planCode(), "non-renewing", subscription.periodEnd()));
    }
}
