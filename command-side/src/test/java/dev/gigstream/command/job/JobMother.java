package dev.gigstream.command.job;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.EscrowId;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.job.WorkerHired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Common givens for Job specifications: a barista shift in Lekki that starts two hours after posting. */
final class JobMother {

    static final String JOB_ID = "7c1e0c9e-3a55-4a8c-9f43-1d2b6f8e0a01";
    static final String CLIENT_ID = "c1a5e0b2-0d1f-4d7e-8a8c-2c4f5e6a7b8c";
    static final String OTHER_CLIENT_ID = "0f9e8d7c-6b5a-4938-a7b6-c5d4e3f2a1b0";
    static final String WORKER_ID = "3f0d6a52-6a0e-4a53-9d43-0b9a2f5d8c11";
    static final String OTHER_WORKER_ID = "5b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9";
    static final JobSite LEKKI = new JobSite(new GeoPoint(6.4474, 3.4726), "12 Admiralty Way, Lekki, Lagos");
    static final Money PAY = Money.of(1_500_000, Currency.NGN);
    static final Duration LEAD_TIME = Duration.ofHours(2);
    static final String ESCROW_ID = "0b7e2c1d-7a57-4c0e-9d6f-2f1f4c3a9b10";
    static final String DISPUTE_ID = "d15b07e0-1c2d-4e3f-8a9b-0c1d2e3f4a5b";
    static final Money NO_MONEY = Money.of(0, Currency.NGN);

    private JobMother() {
    }

    static ShiftWindow shiftFrom(Instant postedAt) {
        Instant start = postedAt.plus(LEAD_TIME);
        return new ShiftWindow(start, start.plus(Duration.ofHours(8)));
    }

    static PostJob post(Instant postedAt) {
        return new PostJob(JobId.of(JOB_ID), CLIENT_ID, "Barista for a launch party", "Espresso bar, 200 guests",
                List.of("Barista", " customer SERVICE"), LEKKI, shiftFrom(postedAt), PAY, postedAt);
    }

    static JobPosted posted(Instant postedAt) {
        return new JobPosted(JobId.of(JOB_ID), CLIENT_ID, "Barista for a launch party", "Espresso bar, 200 guests",
                List.of("barista", "customer service"), LEKKI, shiftFrom(postedAt), PAY, postedAt);
    }

    static WorkerHired hired(String workerId, Instant postedAt) {
        return new WorkerHired(JobId.of(JOB_ID), WorkerId.of(workerId), CLIENT_ID, PAY, EscrowId.of(ESCROW_ID), shiftFrom(postedAt).start());
    }

    static JobFunded fundedFor(String workerId) {
        return new JobFunded(JobId.of(JOB_ID), EscrowId.of(ESCROW_ID), WorkerId.of(workerId));
    }

    static WorkerApplied applied(String workerId, Instant at) {
        return new WorkerApplied(JobId.of(JOB_ID), WorkerId.of(workerId), "I have five years of experience", at);
    }
}
