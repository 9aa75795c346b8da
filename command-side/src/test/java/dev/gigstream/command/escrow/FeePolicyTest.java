package dev.gigstream.command.escrow;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.RefusedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FeePolicyTest {

    private final FeePolicy tenPercent = new FeePolicy(FeePolicy.DEFAULT_BASIS_POINTS);

    @Test
    void theClientPaysThePayPlusTenPercentAndTheWorkerGetsThePay() {
        var quote = tenPercent.quote(Money.of(1_500_000, Currency.NGN));

        assertThat(quote.pay()).isEqualTo(Money.of(1_500_000, Currency.NGN));
        assertThat(quote.serviceFee()).isEqualTo(Money.of(150_000, Currency.NGN));
        assertThat(quote.total()).isEqualTo(Money.of(1_650_000, Currency.NGN));
    }

    @Test
    void theFeeIsRoundedHalfUpToTheMinorUnit() {
        assertThat(tenPercent.quote(Money.of(1_005, Currency.GHS)).serviceFee().amount()).as("100.5").isEqualTo(101);
        assertThat(tenPercent.quote(Money.of(1_004, Currency.GHS)).serviceFee().amount()).as("100.4").isEqualTo(100);
        assertThat(new FeePolicy(250).quote(Money.of(999, Currency.NGN)).serviceFee().amount()).as("24.975").isEqualTo(25);
        assertThat(tenPercent.quote(Money.of(4, Currency.NGN)).serviceFee().amount()).as("0.4").isZero();
    }

    @Test
    void aFeeThatWouldOverflowIsARefusal() {
        assertThatThrownBy(() -> tenPercent.quote(Money.of(Long.MAX_VALUE, Currency.NGN)))
                .isInstanceOfSatisfying(RefusedException.class,
                        refused -> assertThat(refused.refusal().code()).isEqualTo("AMOUNT_OUT_OF_RANGE"));
    }

    @Test
    void theRateIsConfigurableWithinZeroToAHundredPercent() {
        assertThat(new FeePolicy(0).quote(Money.of(1_000, Currency.NGN)).total().amount()).isEqualTo(1_000);
        assertThatIllegalArgumentException().isThrownBy(() -> new FeePolicy(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> new FeePolicy(10_001));
    }
}
