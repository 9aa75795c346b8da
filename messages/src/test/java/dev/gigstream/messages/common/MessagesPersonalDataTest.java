package dev.gigstream.messages.common;

import dev.gigstream.messages.MessageRecords;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.worker.FindWorkerProfile;
import dev.gigstream.messages.worker.PayoutAccount;
import dev.gigstream.messages.worker.RegisterWorker;
import dev.gigstream.messages.worker.WorkerProfileView;
import dev.gigstream.messages.worker.WorkerRegistered;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marking rule on the real commands and events (docs/personal-data.md): every text component of every
 * command and event record in {@code dev.gigstream.messages}, and of the records they are made of, is
 * {@code @PersonalData} with a subject in the same record, or {@code @NotPersonal}. There is no explicit
 * not-personal list: the marks sit on the components.
 */
class MessagesPersonalDataTest {

    /**
     * Records that are personal data as a whole and hold no id of their owner: checked only where they are
     * used, which must be a {@code @PersonalData} component (an unmarked use reaches their unmarked text).
     */
    private static final Set<Class<?>> PERSONAL_AS_A_WHOLE = Set.of(PayoutAccount.class);

    record PayoutUnmarked(@NotPersonal String workerId, PayoutAccount payout) {
    }

    record PayoutMarked(@NotPersonal String workerId, @PersonalData(subject = "workerId") PayoutAccount payout) {
    }

    @Test
    void everyTextComponentOfACommandOrEventIsMarked() {
        assertThat(PersonalDataMarking.violations(checked(), Set.of())).isEmpty();
    }

    @Test
    void theScanSeesCommandsEventsAndTheRecordsInThem() {
        assertThat(checked())
                .contains(WorkerRegistered.class, RegisterWorker.class, EvidenceAdded.class, WorkerId.class, GeoPoint.class)
                .doesNotContain(WorkerProfileView.class, FindWorkerProfile.class, PayoutAccount.class);
    }

    @Test
    void aRecordPersonalAsAWholeMustBeHeldInAPersonalComponent() {
        assertThat(PersonalDataMarking.violations(List.of(PayoutUnmarked.class), Set.of())).containsExactlyInAnyOrder(
                "PayoutAccount.bankCode holds text but is neither @PersonalData nor @NotPersonal",
                "PayoutAccount.accountNumber holds text but is neither @PersonalData nor @NotPersonal",
                "PayoutAccount.accountName holds text but is neither @PersonalData nor @NotPersonal");
        assertThat(PersonalDataMarking.violations(List.of(PayoutMarked.class), Set.of())).isEmpty();
    }

    private static List<Class<?>> checked() {
        return MessageRecords.commandsAndEvents().stream().filter(type -> !PERSONAL_AS_A_WHOLE.contains(type)).toList();
    }
}
