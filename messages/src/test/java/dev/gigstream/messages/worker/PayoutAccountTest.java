package dev.gigstream.messages.worker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PayoutAccountTest {

    @Test
    void onlyTheLastFourDigitsAreShown() {
        assertThat(new PayoutAccount("058", "0123456789", "Ada Obi").maskedAccountNumber()).isEqualTo("******6789");
    }

    @Test
    void anAccountNumberIsDigitsOnly() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PayoutAccount("058", "01234-6789", "Ada Obi"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PayoutAccount("058", "12345", "Ada Obi"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PayoutAccount("0", "0123456789", "Ada Obi"));
    }
}
