package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every call, failed ones included. */
final class FakePayments implements Payments {

    final Script checkout = new Script();
    final Script refund = new Script();
    final List<String> checkouts = Collections.synchronizedList(new ArrayList<>());
    final List<String> refunds = Collections.synchronizedList(new ArrayList<>());

    @Override
    public String openCheckout(String escrowId, String clientId, String chargeReference, Money total) {
        checkouts.add(escrowId + " " + clientId + " " + chargeReference + " " + total.amount());
        checkout.call();
        return "https://checkout.paystack.com/" + chargeReference;
    }

    @Override
    public void refund(String chargeReference, Money amount) {
        refunds.add(chargeReference + " " + amount.amount());
        refund.call();
    }
}
