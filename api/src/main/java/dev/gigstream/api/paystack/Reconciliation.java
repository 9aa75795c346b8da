package dev.gigstream.api.paystack;

import dev.gigstream.paystack.PaystackException;

import java.time.Instant;
import java.util.List;

/**
 * One kind of work of the {@link ReconciliationSweep}: what may have missed its webhook, and how Paystack's
 * answer about one of them is applied, through the same commands as the webhook.
 *
 * @param <T> what is reconciled (an escrow, a premium subscription)
 */
interface Reconciliation<T> {

    /** What is reconciled, for the log. */
    String what();

    /** At most {@code limit} of those whose webhook should have come by {@code now}. */
    List<T> due(Instant now, int limit);

    String idOf(T item);

    /**
     * Asks Paystack about {@code item} and applies its answer.
     *
     * @return whether there was an answer to apply
     * @throws PaystackException when Paystack could not answer
     */
    boolean reconcile(T item);

    /** Whether Paystack not knowing one of them (yet) is expected, hence no warning. */
    default boolean expectsNotFound() {
        return false;
    }
}
