package dev.gigstream.api.premium;

import dev.gigstream.api.auth.AccountEmails;
import dev.gigstream.messages.worker.ExtendPremium;
import dev.gigstream.messages.worker.StopPremiumRenewal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What Paystack's subscription events mean for a worker's premium, as commands: a new subscription or
 * a renewal charge pays a period, a subscription that will not renew (or is disabled) stops the
 * renewal, and a failed invoice changes nothing (premium lasts to the period's end anyway). Events for
 * a customer who is not one of our workers, or for another plan, give no command and are logged.
 */
@Component
public class PremiumWebhooks {

    private static final Logger log = LoggerFactory.getLogger(PremiumWebhooks.class);

    private final PremiumPlans plans;
    private final PremiumSubscriptions subscriptions;
    private final AccountEmails accounts;

    PremiumWebhooks(PremiumPlans plans, PremiumSubscriptions subscriptions, AccountEmails accounts) {
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
    }

    /** A charge for one of our plans: a premium payment rather than an escrow's. */
    public boolean isPremiumCharge(JsonNode charge) {
        String plan = planCode(charge.path("plan"));
        return plan != null && plans.currencyOf(plan).isPresent();
    }

    public Optional<Object> command(String event, JsonNode data) {
        return switch (event) {
            case "subscription.create" -> subscriptionCreated(data);
            case "charge.success" -> renewed(data);
            case "subscription.not_renew", "subscription.disable" -> renewalStopped(data, event);
            case "invoice.payment_failed" -> {
                log.info("Premium renewal failed for subscription {}: premium lasts to the end of its period",
                        data.path("subscription").path("subscription_code").asText());
                yield Optional.empty();
            }
            default -> Optional.empty();
        };
    }

    private Optional<Object> subscriptionCreated(JsonNode subscription) {
        String code = subscription.path("subscription_code").asText();
        String plan = planCode(subscription.path("plan"));
        Optional<String> worker = ours(plan, subscription.path("customer").path("email").asText());
        Instant until = instant(subscription.path("next_payment_date").asText(null));
        if (worker.isEmpty() || until == null) {
            log.warn("Paystack subscription {} (plan {}) is not one of our workers' premium subscriptions", code, plan);
            return Optional.empty();
        }
        subscriptions.save(new PremiumSubscriptions.Subscription(code, worker.get(),
                subscription.path("email_token").asText(), plan, subscription.path("status").asText("active"), until));
        return Optional.of(new ExtendPremium(worker.get(), until));
    }

    /** A renewal pays the next month: the period runs from the charge to a month later, in the plan's rhythm. */
    private Optional<Object> renewed(JsonNode charge) {
        String plan = planCode(charge.path("plan"));
        Optional<String> worker = ours(plan, charge.path("customer").path("email").asText());
        Instant paidAt = instant(charge.path("paid_at").asText(null));
        Optional<PremiumSubscriptions.Subscription> subscription = worker.flatMap(subscriptions::renewingOf);
        if (subscription.isEmpty() || paidAt == null) {
            log.info("Premium charge {} for plan {} comes before its subscription is known: subscription.create pays the period",
                    charge.path("reference").asText(), plan);
            return Optional.empty();
        }
        Instant until = paidAt.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
        var known = subscription.get();
        subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                known.planCode(), "active", until.isAfter(known.periodEnd()) ? until : known.periodEnd()));
        return Optional.of(new ExtendPremium(known.workerId(), until));
    }

    private Optional<Object> renewalStopped(JsonNode subscription, String event) {
        String code = subscription.path("subscription_code").asText();
        return subscriptions.byCode(code).map(known -> {
            subscriptions.save(new PremiumSubscriptions.Subscription(known.code(), known.workerId(), known.emailToken(),
                    known.planCode(), subscription.path("status").asText("non-renewing"), known.periodEnd()));
            return (Object) new StopPremiumRenewal(known.workerId(), "Paystack: " + event);
        }).or(() -> {
            log.warn("Paystack {} for subscription {} that is not one of ours", event, code);
            return Optional.empty();
        });
    }

    private Optional<String> ours(String planCode, String email) {
        if (planCode == null || plans.currencyOf(planCode).isEmpty()) {
            return Optional.empty();
        }
        return accounts.workerWithEmail(email);
    }

    private static String planCode(JsonNode plan) {
        String code = plan.isObject() ? plan.path("plan_code").asText(null) : plan.isTextual() ? plan.asText() : null;
        return code == null || code.isBlank() ? null : code;
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
