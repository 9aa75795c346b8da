package dev.gigstream.messages.common;

import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.job.HireWorker;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Typed ids are written and read as the bare strings the events carried before, so stored events read back unchanged. */
class TypedIdJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    /** {@link HireWorker} as it was, with every id a string. */
    record HireWorkerWithStrings(String jobId, String workerId, String clientId, String escrowId, Instant at) {
    }

    @Test
    void aMessageWithTypedIdsIsWrittenAsTheOneWithStrings() {
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        HireWorker typed = new HireWorker(JobId.of("j-1"), WorkerId.of("w-1"), "c-1", EscrowId.of("e-1"), at);

        String written = json.writeValueAsString(typed);

        assertThat(written).isEqualTo(json.writeValueAsString(new HireWorkerWithStrings("j-1", "w-1", "c-1", "e-1", at)))
                .startsWith("{\"jobId\":\"j-1\",\"workerId\":\"w-1\",\"clientId\":\"c-1\",\"escrowId\":\"e-1\"");
        assertThat(json.readValue(written, HireWorker.class)).isEqualTo(typed);
    }

    @Test
    void anEventStoredWithStringsReadsBack() {
        String stored = json.writeValueAsString(Map.of("disputeId", "d-1", "jobId", "j-1"));

        DisputeOpened read = json.readValue(stored, DisputeOpened.class);

        assertThat(read.disputeId()).isEqualTo(DisputeId.of("d-1"));
        assertThat(read.jobId()).isEqualTo(JobId.of("j-1"));
    }

    @Test
    void anIdIsItsValueAsAString() {
        assertThat(JobId.of("j-1")).hasToString("j-1");
        assertThat(WorkerId.of("w-1")).hasToString("w-1");
        assertThat(EscrowId.of("e-1")).hasToString("e-1");
        assertThat(DisputeId.of("d-1")).hasToString("d-1");
    }

    @Test
    void aBlankOrMissingIdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> JobId.of(" ")).withMessage("JobId must be a non-blank string, was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> EscrowId.of(null)).withMessage("EscrowId must be a non-blank string, was null");
        // one exception for every kind of id, naming its field: the api answers it 404 (a blank id names nothing)
        assertThatThrownBy(() -> WorkerId.of("\t")).isInstanceOfSatisfying(InvalidIdException.class,
                e -> assertThat(e.field()).isEqualTo("workerId"));
        assertThatThrownBy(() -> DisputeId.of("")).isInstanceOfSatisfying(InvalidIdException.class,
                e -> assertThat(e.field()).isEqualTo("disputeId"));
        assertThatThrownBy(() -> json.readValue("{\"jobId\":\"\"}", HireWorker.class))
                .isInstanceOf(DatabindException.class).hasRootCauseMessage("JobId must be a non-blank string, was ''");
    }
}
