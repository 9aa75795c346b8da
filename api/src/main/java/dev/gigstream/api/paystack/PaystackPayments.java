package dev.gigstream.api.paystack;

import dev.gigstream.api.auth.AccountEmails;
import dev.gigstream.messages.common.Money;
import dev.gigstream.paystack.PaystackApi;
import dev.gigstream.paystack.PaystackClient;
import dev.gigstream.paystack.PaystackException;
import dev.gigstream.sagas.payment.PaymentProviderUnavailable;
import dev.gigstream.sagas.payment.PaymentRefused;
import dev.gigstream.sagas.payment.Payments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;

/** Takes and returns clients' money through Paystack: one checkout per charge reference, refunds of charges. */
@Component
class PaystackPayments implements Payments {

    private final PaystackClient paystack;
    private final AccountEmails emails;
    private final JdbcClient jdbc;
    private final PaystackProperties properties;

    PaystackPayments(PaystackClient paystack, AccountEmails emails, JdbcClient jdbc, PaystackProperties properties) {
        this.paystack = paystack.singleAttempt(); // the payment saga retries by its own deadlines
        this.emails = emails;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public String openCheckout(String escrowId, String clientId, String chargeReference, Money total) {
        var known = jdbc.sql("SELECT authorization_url FROM paystack_checkout WHERE reference = :reference")
                .param("reference", chargeReference).query(String.class).optional();
        if (known.isPresent()) {
            return known.get();
        }
        String email = emails.of(clientId).orElseThrow(() -> new IllegalStateException("no account " + clientId));
        var checkout = call(() -> paystack.initializeTransaction(new PaystackApi.InitializeTransaction(email, total.amount(),
                total.currency().name(), chargeReference, properties.callbackUrl(), Map.of("escrowId", escrowId))));
        jdbc.sql("INSERT INTO paystack_checkout (reference, authorization_url, created_at) VALUES (:reference, :url, :now)")
            .param("reference", chargeReference)
            .param("url", checkout.authorizationUrl())
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .update();
        return checkout.authorizationUrl();
    }

    @Override
    public void refund(String chargeReference, Money amount) {
        call(() -> paystack.refund(new PaystackApi.CreateRefund(chargeReference, amount.amount())));
    }

    /** Paystack's answer, or the payment saga's reason to try later (unreachable) or to ask an operator (refused). */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (PaystackException e) {
            if (e.retryable()) {
                throw new PaymentProviderUnavailable(e.getMessage(), e);
            }
            throw new PaymentRefused(e.getMessage(), e);
        }
    }
}
