package dev.gigstream.command.job;

import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobOffered;
import dev.gigstream.messages.job.OfferJob;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a job was offered to, wave by wave. A worker is offered a job once, whoever asks again; a wave is
 * taken once; the first wave is due when the job is posted, each next one only once the Job said so (its
 * deadline passed while the job was open). Workers who applied already need no offer. Changed only by
 * the Job's event-sourcing handlers.
 */
final class JobOffers {

    private final LinkedHashSet<WorkerId> offered = new LinkedHashSet<>(); // declared so: a snapshot keeps the order
    private int recordedWave;
    private int dueWave = 1;

    /** Whether offers of this wave were made already (a wave that found nobody is not recorded). */
    boolean recorded(int wave) {
        return wave <= recordedWave;
    }

    boolean due(int wave) {
        return wave <= dueWave;
    }

    int dueWave() {
        return dueWave;
    }

    /** The offers to workers who hold none of this job and did not apply to it, each worker once. */
    List<OfferJob.Offer> fresh(List<OfferJob.Offer> offers, Set<WorkerId> applicants) {
        Set<WorkerId> taken = new HashSet<>(offered);
        taken.addAll(applicants);
        return offers.stream().filter(offer -> taken.add(offer.workerId())).toList();
    }

    /** Everyone the job was offered to, in the order of their offers. */
    List<String> workers() {
        return offered.stream().map(WorkerId::value).toList();
    }

    void on(JobOffered event) {
        offered.add(event.workerId());
        if (event.wave() != null) {
            recordedWave = Math.max(recordedWave, event.wave());
        }
    }

    void on(JobOfferWaveDue event) {
        dueWave = Math.max(dueWave, event.wave());
    }
}
