package dev.gigstream.query.ranking;

import dev.gigstream.messages.common.BoundingBox;
import dev.gigstream.messages.worker.FindWorkersToOffer;
import dev.gigstream.messages.worker.WorkersToOffer;
import dev.gigstream.query.worker.WorkerProfileProjection;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Answers the matching policy's question, who a job is offered to next, from the worker profiles and the
 * {@link RankingPolicy}: the same rule that ranks a job's applicants, so an offer and an application
 * agree on who fits.
 */
@Component
public class WorkersToOfferQuery {

    private final WorkerProfileProjection workers;

    public WorkersToOfferQuery(WorkerProfileProjection workers) {
        this.workers = workers;
    }

    @QueryHandler
    public WorkersToOffer handle(FindWorkersToOffer query) {
        var needs = new RankingPolicy.Needs(query.requiredSkills(), query.site(), query.shift(), query.currency().zone());
        var nearby = workers.candidates(needs.requiredSkills(), BoundingBox.around(needs.site(), RankingPolicy.MAX_DISTANCE_KM));
        Set<String> excluded = Set.copyOf(query.excludedWorkerIds());
        return new WorkersToOffer(RankingPolicy.rank(needs, nearby).stream()
                .filter(fit -> !excluded.contains(fit.candidate().workerId()))
                .limit(query.limit())
                .map(fit -> new WorkersToOffer.Worker(fit.candidate().workerId(), fit.distanceKm()))
                .toList());
    }
}
