package dev.gigstream.policies.compliance;

import dev.gigstream.messages.worker.PayoutAccount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two distinct workers on one account are a finding; one worker, however often, is not. */
class SharedPayoutAccountPolicyTest {

    private final SharedPayoutAccountPolicy policy = new SharedPayoutAccountPolicy(2);

    @Test
    void firesAtTwoDistinctWorkersNotAtOne() {
        assertThat(policy.shared(List.of("worker-1"))).isFalse();
        assertThat(policy.shared(List.of("worker-1", "worker-1"))).as("the same worker twice").isFalse();
        assertThat(policy.shared(List.of("worker-1", "worker-2"))).isTrue();
    }

    @Test
    void theNumberOfWorkersIsASettingOfAtLeastTwo() {
        assertThat(new SharedPayoutAccountPolicy(3).shared(List.of("w1", "w2"))).isFalse();
        assertThat(new SharedPayoutAccountPolicy(3).shared(List.of("w1", "w2", "w3"))).isTrue();
        assertThatThrownBy(() -> new SharedPayoutAccountPolicy(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accountsAreComparedByBankCodeAndNumberNeverByName() {
        String key = SharedPayoutAccountPolicy.accountKey(new PayoutAccount("058", "0123456789", "Ada Obi"));

        assertThat(SharedPayoutAccountPolicy.accountKey(new PayoutAccount("058", "0123456789", "A. Obi"))).isEqualTo(key);
        assertThat(SharedPayoutAccountPolicy.accountKey(new PayoutAccount("044", "0123456789", "Ada Obi"))).isNotEqualTo(key);
        assertThat(SharedPayoutAccountPolicy.accountKey(new PayoutAccount("058", "0123456780", "Ada Obi"))).isNotEqualTo(key);
        assertThat(SharedPayoutAccountPolicy.accountKey(new PayoutAccount("mtn", "0241234567", "Kofi")))
                .isEqualTo(SharedPayoutAccountPolicy.accountKey(new PayoutAccount("MTN", "0241234567", "Kofi")));
    }

    @Test
    void theKeyGivesAwayNoDigitOfTheNumber() {
        String key = SharedPayoutAccountPolicy.accountKey(new PayoutAccount("058", "0123456789", "Ada Obi"));
        assertThat(key).hasSize(32).doesNotContain("0123456789").doesNotContain("6789");
    }
}
