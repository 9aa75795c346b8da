package dev.gigstream.messages.common;

import java.util.Objects;

/**
 * An amount in minor units (kobo, pesewas) of one currency. Never a floating-point number.
 * Arithmetic and comparisons refuse to mix currencies; arithmetic that would overflow is refused
 * ({@link MoneyErrorCode#AMOUNT_OUT_OF_RANGE}).
 */
public record Money(long amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public boolean isPositive() {
        return amount > 0;
    }

    public boolean isZero() {
        return amount == 0;
    }

    public boolean isNegative() {
        return amount < 0;
    }

    public boolean sameCurrencyAs(Money other) {
        return currency == other.currency;
    }

    public Money plus(Money other) {
        long sum = MoneyErrorCode.exactly(() -> Math.addExact(amount, sameCurrency(other).amount), "The sum of " + this + " and " + other);
        return new Money(sum, currency);
    }

    public Money minus(Money other) {
        long difference = MoneyErrorCode.exactly(() -> Math.subtractExact(amount, sameCurrency(other).amount),
                "The difference of " + this + " and " + other);
        return new Money(difference, currency);
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(amount, sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!sameCurrencyAs(other)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }
}
