package dev.gigstream.sagas.payment;

import java.util.function.Supplier;

/** How the next calls of a fake Paystack port go: answered, or failed a number of times first. */
final class Script {

    private int failuresLeft;
    private Supplier<RuntimeException> failure;

    void unavailableFor(int calls) {
        fail(calls, () -> new PaymentProviderUnavailable("Paystack timed out", null));
    }

    void unavailableAlways() {
        unavailableFor(Integer.MAX_VALUE);
    }

    void refusedFor(int calls) {
        fail(calls, () -> new PaymentRefused("the refund exceeds the transaction", null));
    }

    private void fail(int calls, Supplier<RuntimeException> failure) {
        this.failuresLeft = calls;
        this.failure = failure;
    }

    void call() {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw failure.get();
        }
    }
}
