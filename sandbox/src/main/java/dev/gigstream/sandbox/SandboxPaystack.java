package dev.gigstream.sandbox;

import dev.gigstream.paystack.PaystackClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * What Paystack's servers do, played inside the app: checkouts that a person pays or declines on the
 * sandbox's page, transfers and refunds that settle after a delay, subscriptions that renew on a
 * period, chargebacks raised by hand, and the signed webhooks each of these sends. Timed work runs on
 * the scheduler, never on the thread of a request, and is scheduled again after a restart.
 */
public class SandboxPaystack {

    /** A recipient with this account number: every transfer to it fails ({@code transfer.failed}). */
    public static final String FAILING_ACCOUNT = "0000000000";
    /** A recipient with this account number: transfers to it stay pending, never answered. */
    public static final String UNANSWERED_ACCOUNT = "9999999999";
    static final List<String> INTERVALS = List.of("hourly", "daily", "weekly", "monthly", "quarterly", "biannually", "annually");

    private static final Logger log = LoggerFactory.getLogger(SandboxPaystack.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SandboxStore store;
    private final WebhookDelivery webhooks;
    private final ScheduledExecutorService scheduler;
    private final SandboxProperties properties;
    private final Clock clock;
    private final String publicUrl;

    public SandboxPaystack(SandboxStore store, WebhookDelivery webhooks, ScheduledExecutorService scheduler,
                           SandboxProperties properties, Clock clock, String publicUrl) {
        this.store = store;
        this.webhooks = webhooks;
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public SandboxStore store() {
        return store;
    }

    /** The page where the payer of {@code accessCode} pays or declines. */
    public String checkoutUrl(String accessCode) {
        return publicUrl + "/sandbox/checkout/" + accessCode;
    }

    // ---- Paystack's API ----

    /** POST /transaction/initialize. */
    public ObjectNode initialize(JsonNode body) {
        String email = text(body, "email");
        if (email == null || !email.contains("@")) {
            throw SandboxRefusal.invalid("Invalid Email Address Passed");
        }
        String reference = text(body, "reference");
        if (reference == null) {
            reference = "T" + code(15);
        }
        if (store.transaction(reference).isPresent()) {
            throw new SandboxRefusal(400, "Duplicate Transaction Reference", "validation_error", "duplicate_reference");
        }
        SandboxStore.Plan plan = null;
        String planCode = text(body, "plan");
        if (planCode != null) {
            plan = store.plan(planCode).orElseThrow(() -> SandboxRefusal.invalid("Plan not found"));
        }
        long amount = plan != null ? plan.amount() : body.path("amount").asLong(0);
        String currency = plan != null ? plan.currency() : Optional.ofNullable(text(body, "currency")).orElse("NGN");
        if (amount <= 0 || body.path("amount").isString()) {
            throw SandboxRefusal.invalid("Invalid Amount Sent");
        }
        String accessCode = code(20);
        Instant now = clock.instant();
        store.insert(new SandboxStore.Transaction(reference, id(), accessCode, email, amount, currency, "abandoned",
                text(body, "callback_url"), body.path("metadata").isObject() ? body.path("metadata").toString() : "{}",
                plan == null ? null : plan.planCode(), null, null, now, null, null));
        return PaystackShapes.object().put("authorization_url", checkoutUrl(accessCode)).put("access_code", accessCode)
                .put("reference", reference);
    }

    /** GET /transaction/verify/{reference}. */
    public ObjectNode verify(String reference) {
        SandboxStore.Transaction transaction = store.transaction(reference)
                .orElseThrow(() -> new SandboxRefusal(400, "Transaction reference not found", "validation_error",
                        "transaction_not_found"));
        return PaystackShapes.transaction(transaction, planOf(transaction));
    }

    /** POST /transferrecipient: the same account in the same currency is the same recipient. */
    public ObjectNode createRecipient(JsonNode body) {
        String type = text(body, "type");
        String name = text(body, "name");
        String account = text(body, "account_number");
        if (type == null || name == null || account == null) {
            throw SandboxRefusal.invalid("A recipient needs a type, a name and an account number");
        }
        String bank = text(body, "bank_code");
        String currency = Optional.ofNullable(text(body, "currency")).orElse("NGN");
        SandboxStore.Recipient recipient = store.recipientOf(type, account, bank, currency).orElseGet(() -> {
            SandboxStore.Recipient created = new SandboxStore.Recipient("RCP_" + code(15), type, name, account, bank, currency);
            store.insert(created);
            return created;
        });
        return PaystackShapes.recipient(recipient);
    }

    /** POST /transfer: answered pending; it settles after the transfer delay (see the test account numbers). */
    public ObjectNode transfer(JsonNode body) {
        String reference = text(body, "reference");
        long amount = body.path("amount").asLong(0);
        if (reference == null || amount <= 0 || body.path("amount").isString()) {
            throw SandboxRefusal.invalid("A transfer needs a reference and a positive amount");
        }
        if (store.transfer(reference).isPresent()) {
            throw new SandboxRefusal(400, "Please provide a unique reference. Reference already exists on a transfer",
                    "validation_error", "duplicate_reference");
        }
        SandboxStore.Recipient recipient = store.recipient(Optional.ofNullable(text(body, "recipient")).orElse(""))
                .orElseThrow(() -> SandboxRefusal.invalid("Recipient specified is invalid"));
        Instant now = clock.instant();
        SandboxStore.Transfer transfer = new SandboxStore.Transfer(reference, id(), "TRF_" + code(15), "pending", amount,
                Optional.ofNullable(text(body, "currency")).orElse(recipient.currency()), text(body, "reason"),
                recipient.code(), now, now);
        store.insert(transfer);
        scheduleSettlement(transfer, recipient);
        return PaystackShapes.transfer(transfer, recipient);
    }

    /** GET /transfer/verify/{reference}. */
    public ObjectNode verifyTransfer(String reference) {
        SandboxStore.Transfer transfer = store.transfer(reference)
                .orElseThrow(() -> SandboxRefusal.notFound("Transfer not found"));
        return PaystackShapes.transfer(transfer, store.recipient(transfer.recipientCode()).orElse(null));
    }

    /** POST /refund: answered pending; refund.processed follows after the transfer delay. */
    public ObjectNode refund(JsonNode body) {
        String of = Optional.ofNullable(text(body, "transaction")).orElse("");
        SandboxStore.Transaction charge = store.transactionByReferenceOrId(of)
                .orElseThrow(() -> SandboxRefusal.invalid("Transaction not found"));
        if (!"success".equals(charge.status())) {
            throw SandboxRefusal.invalid("Cannot refund a transaction that was not successful");
        }
        long refunded = store.refunded(charge.reference());
        long amount = body.hasNonNull("amount") ? body.path("amount").asLong(0) : charge.amount() - refunded;
        if (amount <= 0 || refunded + amount > charge.amount()) {
            throw SandboxRefusal.invalid("Refund amount cannot be greater than the transaction's unrefunded amount");
        }
        SandboxStore.Refund refund = new SandboxStore.Refund(id(), "RFD_" + code(10), charge.reference(), amount,
                charge.currency(), "pending", clock.instant());
        store.insert(refund);
        later(properties.transferDelay(), () -> processRefund(refund.id()));
        return PaystackShapes.refund(refund, charge);
    }

    /** POST /plan. */
    public ObjectNode createPlan(JsonNode body) {
        String name = text(body, "name");
        String interval = text(body, "interval");
        long amount = body.path("amount").asLong(0);
        if (name == null || amount <= 0 || !INTERVALS.contains(interval)) {
            throw SandboxRefusal.invalid("Plan needs a name, an amount and a valid interval");
        }
        SandboxStore.Plan plan = new SandboxStore.Plan("PLN_" + code(15), id(), name, amount, interval,
                Optional.ofNullable(text(body, "currency")).orElse("NGN"), clock.instant());
        store.insert(plan);
        return PaystackShapes.plan(plan);
    }

    /** GET /plan/{idOrCode}. */
    public ObjectNode plan(String idOrCode) {
        return PaystackShapes.plan(store.plan(idOrCode).orElseThrow(() -> SandboxRefusal.notFound("Plan not found")));
    }

    /** GET /subscription/{idOrCode}. */
    public ObjectNode subscription(String idOrCode) {
        SandboxStore.Subscription subscription = store.subscription(idOrCode)
                .orElseThrow(() -> SandboxRefusal.notFound("Subscription not found"));
        return PaystackShapes.subscription(subscription, store.plan(subscription.planCode()).orElseThrow());
    }

    /**
     * POST /subscription/disable: an active subscription stops renewing (non-renewing, subscription.not_renew);
     * one in attention is cancelled (subscription.disable).
     */
    public void disable(JsonNode body) {
        SandboxStore.Subscription subscription = store.subscription(Optional.ofNullable(text(body, "code")).orElse(""))
                .orElseThrow(() -> SandboxRefusal.notFound("Subscription not found"));
        if (!subscription.emailToken().equals(text(body, "token"))) {
            throw SandboxRefusal.invalid("Invalid email token for this subscription");
        }
        SandboxStore.Subscription stopped = switch (subscription.status()) {
            case "active" -> subscription.with("non-renewing", null, false);
            case "attention" -> subscription.with("cancelled", null, false);
            default -> throw SandboxRefusal.invalid("Subscription with code not found or already inactive");
        };
        store.update(stopped);
        SandboxStore.Plan plan = store.plan(stopped.planCode()).orElseThrow();
        webhooks.deliver("active".equals(subscription.status()) ? "subscription.not_renew" : "subscription.disable",
                PaystackShapes.subscription(stopped, plan));
    }

    // ---- what a person does on the sandbox's pages ----

    public Optional<SandboxStore.Transaction> checkout(String accessCode) {
        return store.transactionByAccessCode(accessCode);
    }

    /**
     * The payer paid with a test card: charge.success (and, for a plan, a subscription and
     * subscription.create). Paying a paid checkout again changes nothing.
     */
    public SandboxStore.Transaction pay(String accessCode) {
        SandboxStore.Transaction transaction = checkoutOrRefuse(accessCode);
        if ("success".equals(transaction.status())) {
            return transaction;
        }
        if (!"abandoned".equals(transaction.status())) {
            throw SandboxRefusal.invalid("This checkout was " + transaction.status() + " and cannot be paid");
        }
        SandboxStore.Transaction paid = transaction.paid(PaystackShapes.feeOfCharge(transaction.amount(),
                transaction.currency()), clock.instant());
        store.update(paid);
        SandboxStore.Plan plan = planOf(paid);
        var charged = webhooks.deliver("charge.success", PaystackShapes.transaction(paid, plan));
        if (plan != null) {
            SandboxStore.Subscription subscription = new SandboxStore.Subscription("SUB_" + code(15), id(), code(15),
                    "active", plan.planCode(), paid.email(), plan.amount(),
                    clock.instant().plus(properties.subscriptionPeriod()), false, clock.instant());
            store.insert(subscription);
            scheduleRenewal(subscription);
            charged.whenComplete((delivered, failure) ->
                    webhooks.deliver("subscription.create", PaystackShapes.subscription(subscription, plan)));
        }
        return paid;
    }

    /** The payer declined: the charge failed; Paystack sends no webhook for it. */
    public SandboxStore.Transaction decline(String accessCode) {
        SandboxStore.Transaction transaction = checkoutOrRefuse(accessCode);
        if (!"abandoned".equals(transaction.status())) {
            throw SandboxRefusal.invalid("This checkout was " + transaction.status() + " already");
        }
        SandboxStore.Transaction failed = transaction.withStatus("failed");
        store.update(failed);
        return failed;
    }

    /** The payer's bank disputes a paid charge: charge.dispute.create. */
    public SandboxStore.Transaction raiseChargeback(String accessCode) {
        SandboxStore.Transaction transaction = checkoutOrRefuse(accessCode);
        if (!"success".equals(transaction.status()) || transaction.disputeId() != null) {
            throw SandboxRefusal.invalid("Only a paid charge without a chargeback can be disputed");
        }
        SandboxStore.Transaction disputed = transaction.disputed(id() % 10_000_000, "open");
        store.update(disputed);
        Instant now = clock.instant();
        webhooks.deliver("charge.dispute.create", PaystackShapes.dispute(disputed, disputed.disputeId(), null, now, now));
        return disputed;
    }

    /** The chargeback is decided: {@code merchant-accepted} (the payer gets the money back) or {@code declined}. */
    public SandboxStore.Transaction resolveChargeback(String accessCode, String resolution) {
        if (!"merchant-accepted".equals(resolution) && !"declined".equals(resolution)) {
            throw SandboxRefusal.invalid("A chargeback is resolved merchant-accepted or declined");
        }
        SandboxStore.Transaction transaction = checkoutOrRefuse(accessCode);
        if (!"open".equals(transaction.disputeStatus())) {
            throw SandboxRefusal.invalid("This charge has no open chargeback");
        }
        SandboxStore.Transaction resolved = transaction.disputed(transaction.disputeId(), resolution);
        store.update(resolved);
        Instant now = clock.instant();
        webhooks.deliver("charge.dispute.resolve",
                PaystackShapes.dispute(resolved, resolved.disputeId(), resolution, now, now));
        return resolved;
    }

    /** A pending transfer settles now, succeeded or failed, with its webhook; false when it was not pending. */
    public boolean settleTransfer(String reference, boolean succeeded) {
        String status = succeeded ? "success" : "failed";
        if (!store.settle(reference, "pending", status, clock.instant())) {
            return false;
        }
        SandboxStore.Transfer transfer = store.transfer(reference).orElseThrow();
        webhooks.deliver("transfer." + status,
                PaystackShapes.transfer(transfer, store.recipient(transfer.recipientCode()).orElse(null)));
        return true;
    }

    /** The subscription's next renewal is charged now (or fails now, when told to fail it). */
    public void renewNow(String subscriptionCode) {
        store.subscription(subscriptionCode).ifPresent(subscription -> renew(subscription.code(), null));
    }

    /** The next renewal of the subscription is declined: invoice.payment_failed, status attention. */
    public void failNextRenewal(String subscriptionCode) {
        SandboxStore.Subscription subscription = store.subscription(subscriptionCode)
                .orElseThrow(() -> SandboxRefusal.notFound("Subscription not found"));
        store.update(subscription.with(subscription.status(), subscription.nextPaymentDate(), true));
    }

    // ---- timed work ----

    /** After a restart: pending transfers and refunds settle, subscriptions renew, as they would have. */
    public void resumePending() {
        store.transfers("pending").forEach(transfer ->
                store.recipient(transfer.recipientCode()).ifPresent(recipient -> scheduleSettlement(transfer, recipient)));
        store.refunds("pending").forEach(refund ->
                later(untilDue(refund.createdAt().plus(properties.transferDelay())), () -> processRefund(refund.id())));
        store.renewingSubscriptions().forEach(this::scheduleRenewal);
    }

    private void scheduleSettlement(SandboxStore.Transfer transfer, SandboxStore.Recipient recipient) {
        if (UNANSWERED_ACCOUNT.equals(recipient.accountNumber())) {
            return;
        }
        boolean succeeds = !FAILING_ACCOUNT.equals(recipient.accountNumber());
        later(untilDue(transfer.createdAt().plus(properties.transferDelay())),
                () -> settleTransfer(transfer.reference(), succeeds));
    }

    private void processRefund(long refundId) {
        if (store.process(refundId)) {
            SandboxStore.Refund refund = store.refund(refundId).orElseThrow();
            SandboxStore.Transaction charge = store.transaction(refund.transactionReference()).orElseThrow();
            webhooks.deliver("refund.processed", PaystackShapes.refundProcessed(refund, charge));
        }
    }

    private void scheduleRenewal(SandboxStore.Subscription subscription) {
        Instant due = subscription.nextPaymentDate();
        later(untilDue(due), () -> renew(subscription.code(), due));
    }

    /**
     * Charges the subscription's renewal. {@code due} is the payment date the timer was set for: a timer
     * whose date has moved on meanwhile (renewed by hand, stopped) does nothing.
     */
    private synchronized void renew(String code, Instant due) {
        SandboxStore.Subscription subscription = store.subscription(code).orElse(null);
        if (subscription == null || !("active".equals(subscription.status()) || "attention".equals(subscription.status()))
                || (due != null && !due.equals(subscription.nextPaymentDate()))) {
            return;
        }
        SandboxStore.Plan plan = store.plan(subscription.planCode()).orElseThrow();
        Instant now = clock.instant();
        String reference = "sub_" + code(15);
        SandboxStore.Subscription next;
        if (subscription.failNextRenewal()) {
            next = subscription.with("attention", now.plus(properties.subscriptionPeriod()), false);
            store.update(next);
            webhooks.deliver("invoice.payment_failed",
                    PaystackShapes.invoiceFailed(next, plan, "INV_" + code(15), reference, now));
        } else {
            SandboxStore.Transaction charge = new SandboxStore.Transaction(reference, id(), code(20), subscription.email(),
                    plan.amount(), plan.currency(), "success", null, "{}", plan.planCode(),
                    PaystackShapes.feeOfCharge(plan.amount(), plan.currency()), now, now, null, null);
            store.insert(charge);
            next = subscription.with("active", now.plus(properties.subscriptionPeriod()), false);
            store.update(next);
            webhooks.deliver("charge.success", PaystackShapes.transaction(charge, plan));
        }
        scheduleRenewal(next);
    }

    private Duration untilDue(Instant due) {
        Duration left = Duration.between(clock.instant(), due);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void later(Duration delay, Runnable work) {
        scheduler.schedule(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("Sandbox timed work failed: {}", e.toString());
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private SandboxStore.Transaction checkoutOrRefuse(String accessCode) {
        return store.transactionByAccessCode(accessCode).orElseThrow(() -> SandboxRefusal.notFound("No such checkout"));
    }

    SandboxStore.Plan planOf(SandboxStore.Transaction transaction) {
        return transaction.planCode() == null ? null : store.plan(transaction.planCode()).orElse(null);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body == null ? null : body.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    private static long id() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    /** Lowercase letters and digits from a secure random source: access codes cannot be guessed. */
    static String code(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(RANDOM.nextInt(36)));
        }
        return code.toString();
    }

    static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            return PaystackShapes.object();
        }
        try {
            return PaystackClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw SandboxRefusal.invalid("The request body is not JSON");
        }
    }
}
