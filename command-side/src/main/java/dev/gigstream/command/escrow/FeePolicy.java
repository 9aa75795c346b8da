package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.MoneyErrorCode;

/**
 * What a hire costs the client: the job's pay, which the worker receives in full, plus the platform's
 * service fee of {@code basisPoints} of the pay (1000 = 10 %; the same for premium workers' jobs).
 * The fee is rounded half up to the minor unit: 10 % of 1,005 kobo is 100.5, charged as 101.
 * Paystack's processing fee is not part of the quote; the platform bears it from its fee.
 */
public final class FeePolicy {

    public static final int DEFAULT_BASIS_POINTS = 1_000;

    private final int basisPoints;

    public FeePolicy(int basisPoints) {
        if (basisPoints < 0 || basisPoints > 10_000) {
            throw new IllegalArgumentException("the service fee is 0 to 10000 basis points, not " + basisPoints);
        }
        this.basisPoints = basisPoints;
    }

    public record Quote(Money pay, Money serviceFee, Money total) {
    }

    public Quote quote(Money pay) {
        long fee = MoneyErrorCode.exactly(() -> Math.addExact(Math.multiplyExact(pay.amount(), (long) basisPoints), 5_000L),
                "The service fee on " + pay) / 10_000L;
        Money serviceFee = new Money(fee, pay.currency());
        return new Quote(pay, serviceFee, pay.plus(serviceFee));
    }
}
