package dev.gigstream.command.dispute;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.DisputeId;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeParty;
import dev.gigstream.messages.dispute.EvidenceAdded;
import dev.gigstream.messages.dispute.OpenDispute;

import java.time.Duration;
import java.time.Instant;

/** A client's dispute about a 15,000 NGN shift whose escrow holds 16,500 NGN. */
final class DisputeMother {

    static final String DISPUTE_ID = "d15b07e0-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    static final String JOB_ID = "7c1e0c9e-3a55-4a8c-9f43-1d2b6f8e0a01";
    static final String ESCROW_ID = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    static final String CLIENT_ID = "c1a5e0b2-0d1f-4d7e-8a8c-2c4f5e6a7b8c";
    static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    static final String STRANGER_ID = "0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0";
    static final String ADMIN_ID = "a0a0a0a0-0000-4000-8000-000000000001";
    static final Money PAY = Money.of(1_500_000, Currency.NGN);
    static final Money HELD = Money.of(1_650_000, Currency.NGN);
    static final Instant OPENED_AT = Instant.parse("2026-12-01T18:00:00Z");
    static final Duration RESPONSE_WINDOW = Duration.ofHours(72);

    private DisputeMother() {
    }

    static OpenDispute open(String by) {
        return new OpenDispute(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), by, "work not done", "The worker left after an hour", OPENED_AT);
    }

    static DisputeOpened openedByClient() {
        return new DisputeOpened(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), CLIENT_ID, WorkerId.of(WORKER_ID), CLIENT_ID, DisputeParty.CLIENT,
                "work not done", "The worker left after an hour", PAY, HELD, OPENED_AT, OPENED_AT.plus(RESPONSE_WINDOW));
    }

    /** The id of the piece of evidence {@code by} added {@code minutesLater}. */
    static String evidenceId(String by, int minutesLater) {
        return "evidence-" + by + "-" + minutesLater;
    }

    static EvidenceAdded evidence(String by, DisputeParty party, int minutesLater) {
        return new EvidenceAdded(DisputeId.of(DISPUTE_ID), JobId.of(JOB_ID), evidenceId(by, minutesLater), by, party, "photo of the empty bar",
                OPENED_AT.plus(Duration.ofMinutes(minutesLater)));
    }
}
