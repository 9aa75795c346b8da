package dev.gigstream.sagas.payment;

import dev.gigstream.messages.common.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every call, failed ones included; answers {@link #outcome} once it no longer fails. */
final class FakePayouts implements Payouts {

    final Script script = new Script();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    Outcome outcome = Outcome.PENDING;

    @Override
    public Outcome pay(String workerId, String reference, Money amount, String reason) {
        calls.add(workerId + " " + reference + " " + amount.amount());
        script.call();
        return outcome;
    }
}
