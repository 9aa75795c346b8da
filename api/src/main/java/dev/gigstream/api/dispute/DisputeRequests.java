package dev.gigstream.api.dispute;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.dispute.DisputeOutcome;
import dev.gigstream.messages.dispute.DisputeView;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request and response bodies of {@link DisputeController}, in the shapes of the API contract. */
final class DisputeRequests {

    private DisputeRequests() {
    }

    @Schema(name = "OpenDisputeRequest")
    record Open(@NotBlank @Size(max = 200) String reason, @NotBlank @Size(max = 5000) String details) {
    }

    @Schema(name = "OpenDisputeResponse")
    record Opened(String disputeId, String jobId) {
    }

    @Schema(name = "AddDisputeEvidenceRequest")
    record Evidence(@NotBlank @Size(max = 5000) String text) {
    }

    /** {@code evidenceId}: the piece's id, the same for a retry with the same Idempotency-Key. */
    @Schema(name = "AddDisputeEvidenceResponse")
    record EvidenceAdded(String disputeId, String evidenceId) {
    }

    /** {@code workerShare} only for a SPLIT: strictly between zero and the pay, in its currency, in minor units. */
    @Schema(name = "ResolveDisputeRequest")
    record Resolve(@NotNull DisputeOutcome outcome, @Valid Share workerShare, @NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "WorkerShareAmount")
    record Share(@NotNull Long amount, @NotNull Currency currency) {

        Money money() {
            return new Money(amount, currency);
        }
    }

    @Schema(name = "DisputeList")
    record Disputes(List<DisputeView> items) {
    }
}
