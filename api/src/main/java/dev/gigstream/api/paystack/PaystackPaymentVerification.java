package dev.gigstream.api.paystack;

import dev.gigstream.api.escrow.PaymentVerification;
import dev.gigstream.paystack.PaystackClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Asks Paystack's verify endpoint about a charge, retrying as the client does for a request that waits
 * for it; a failure surfaces as the client's {@code PaystackException} (502 {@code PAYSTACK_UNAVAILABLE}).
 */
@Component
class PaystackPaymentVerification implements PaymentVerification {

    private final PaystackClient paystack;

    PaystackPaymentVerification(PaystackClient paystack) {
        this.paystack = paystack;
    }

    @Override
    public Optional<Object> verifyCharge(String reference) {
        return PaystackFacts.ofCharge(paystack.verifyTransaction(reference));
    }
}
