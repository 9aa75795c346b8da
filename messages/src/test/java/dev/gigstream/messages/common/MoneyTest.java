package dev.gigstream.messages.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static final Money NAIRA_100 = Money.of(100, Currency.NGN);

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        assertThat(NAIRA_100.plus(Money.of(50, Currency.NGN))).isEqualTo(Money.of(150, Currency.NGN));
        assertThat(NAIRA_100.minus(Money.of(150, Currency.NGN))).isEqualTo(Money.of(-50, Currency.NGN));
    }

    @Test
    void comparesInTheSameCurrency() {
        assertThat(NAIRA_100.isGreaterThan(Money.of(99, Currency.NGN))).isTrue();
        assertThat(NAIRA_100.isLessThan(Money.of(100, Currency.NGN))).isFalse();
        assertThat(Money.zero(Currency.GHS).isZero()).isTrue();
    }

    @Test
    void refusesToMixCurrencies() {
        Money cedis = Money.of(100, Currency.GHS);
        assertThatThrownBy(() -> NAIRA_100.plus(cedis)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NAIRA_100.minus(cedis)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NAIRA_100.compareTo(cedis)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesToOverflowWithARefusalNotAnException() {
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, Currency.NGN).plus(NAIRA_100))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.refusal().code()).isEqualTo("AMOUNT_OUT_OF_RANGE"));
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, Currency.NGN).minus(NAIRA_100))
                .isInstanceOf(RefusedException.class);
    }
}
