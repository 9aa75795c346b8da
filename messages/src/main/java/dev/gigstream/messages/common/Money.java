package dev.gigstream.messages.common;

import java.util.Objects;

/** An amount in minor units (kobo, pesewas) of one currency. Never a floating-point number. */
public record Money(long amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long amount, Currency currency) {
        return new Money(amount, currency);
    }

    public boolean isPositive() {
        return amount > 0;
    }
}
