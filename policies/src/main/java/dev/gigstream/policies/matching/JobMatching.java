package dev.gigstream.policies.matching;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.FindJob;
import dev.gigstream.messages.job.JobOfferWaveDue;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.OfferJob;
import dev.gigstream.messages.worker.FindWorkersToOffer;
import dev.gigstream.messages.worker.WorkersToOffer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Offers each new job to the workers who fit it best, in waves ({@link MatchingSettings}): when the job
 * is posted, to the first workers the read side ranks for it (premium first, among those living within
 * its reach: {@link FindWorkersToOffer}); when the Job says the next wave is due, to the next best it was
 * not offered to yet. The policy only asks ({@link OfferJob}); the Job decides (an open job, nobody twice,
 * each wave once), so a redelivered event hands out nothing again. It runs on a processor of its own,
 * after the post was stored, so it never slows down or fails a post, and it is never replayed.
 */
@Component
@DisallowReplay
@ProcessingGroup(JobMatching.NAME)
public class JobMatching {

    /** The name of the projection that offered jobs before: an existing deployment goes on from its position. */
    public static final String NAME = "job-matching";

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final MatchingSettings settings;
    private final Clock clock;

    public JobMatching(QueryGateway queries, CommandGateway commands, MatchingSettings settings, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @EventHandler
    void on(JobPosted event) {
        offer(event.jobId().value(), 1, event.requiredSkills(), event.site(), event.shift(), event.pay(), List.of());
    }

    @EventHandler
    void on(JobOfferWaveDue event) {
        if (event.wave() > settings.waves()) {
            return; // fewer waves are configured than when this one was scheduled
        }
        JobView job = queries.query(new FindJob(event.jobId().value()), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new IllegalStateException("Job " + event.jobId() + " is not in the job feed yet"));
        offer(event.jobId().value(), event.wave(), job.requiredSkills(), job.site(), job.shift(), job.pay(), event.offeredWorkerIds());
    }

    private void offer(String jobId, int wave, List<String> skills, JobSite site, ShiftWindow shift, Money pay,
                       List<String> offeredAlready) {
        Instant now = clock.instant();
        WorkersToOffer best = queries.query(new FindWorkersToOffer(skills, site.point(), shift, pay.currency(),
                offeredAlready, settings.waveSize()), WorkersToOffer.class).join();
        List<OfferJob.Offer> offers = new ArrayList<>();
        for (WorkersToOffer.Worker worker : best.workers()) {
            offers.add(new OfferJob.Offer(WorkerId.of(worker.workerId()), offeredAlready.size() + offers.size() + 1,
                    worker.distanceKm(), now.plus(settings.offerLifetime())));
        }
        Instant nextWaveAt = wave < settings.waves() ? now.plus(settings.waveDelay()) : null;
        commands.sendAndWait(new OfferJob(JobId.of(jobId), wave, offers, now, nextWaveAt));
    }
}
