package dev.gigstream.query.applicants;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.job.ApplicationEligibility;
import dev.gigstream.messages.job.ApplicationWithdrawn;
import dev.gigstream.messages.job.FindApplicationEligibility;
import dev.gigstream.messages.job.FindRankedApplicants;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.RankedApplicants;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.query.common.Documents;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.ranking.RankingPolicy;
import dev.gigstream.query.worker.WorkerProfileProjection;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who applied to each job ({@code job_applicants}, one document per job with what ranking needs of
 * the job), ranked on demand against the workers' current profiles by {@link RankingPolicy}. The same
 * rule tells one worker whether they would be listed, and why not ({@link FindApplicationEligibility}).
 */
@Component
@SharedProcessor(SharedProcessor.JOB_READ_MODELS)
@ProcessingGroup(ApplicantsProjection.NAME)
public class ApplicantsProjection {

    public static final String NAME = "job-applicants";
    static final String COLLECTION = "job_applicants";

    private final MongoCollection<Document> jobs;
    private final WorkerProfileProjection workers;

    public ApplicantsProjection(MongoDatabase readModels, WorkerProfileProjection workers) {
        this.jobs = readModels.getCollection(COLLECTION);
        this.workers = workers;
    }

    @EventHandler
    void on(JobPosted event, @SequenceNumber long sequence) {
        SequencedWrites.batch(jobs, event.jobId().value(), sequence, Updates.combine(
                Updates.set("clientId", event.clientId()),
                Updates.set("requiredSkills", event.requiredSkills()),
                Updates.set("site", Documents.site(event.site())),
                Updates.set("shift", Documents.shift(event.shift())),
                Updates.set("currency", event.pay().currency().name()),
                Updates.setOnInsert("applicants", List.of())));
    }

    @EventHandler
    void on(WorkerApplied event, @SequenceNumber long sequence) {
        SequencedWrites.batch(jobs, event.jobId().value(), sequence, Updates.addToSet("applicants", event.workerId().value()));
    }

    @EventHandler
    void on(ApplicationWithdrawn event, @SequenceNumber long sequence) {
        SequencedWrites.batch(jobs, event.jobId().value(), sequence, Updates.pull("applicants", event.workerId().value()));
    }

    @ResetHandler
    void reset() {
        jobs.deleteMany(new Document());
    }

    @QueryHandler
    Optional<RankedApplicants> handle(FindRankedApplicants query) {
        Document job = jobs.find(Filters.eq("_id", query.jobId())).first();
        if (job == null) {
            return Optional.empty();
        }
        var needs = needs(job);
        List<String> applicantIds = job.getList("applicants", String.class, List.of());
        List<RankingPolicy.Fit> ranked = RankingPolicy.rank(needs, workers.candidates(applicantIds));
        List<RankedApplicants.Applicant> items = new ArrayList<>(ranked.size());
        for (RankingPolicy.Fit fit : ranked) {
            var worker = fit.candidate();
            items.add(new RankedApplicants.Applicant(worker.workerId(), worker.fullName(), items.size() + 1,
                    worker.premium(), worker.ratingAverage(), worker.bayesianAverage(), worker.ratingCount(),
                    worker.reliabilityScore(), worker.phoneVerified(), worker.lastOnlineAt(),
                    Math.round(fit.distanceKm() * 10) / 10.0, fit.matchedSkills()));
        }
        return Optional.of(new RankedApplicants(query.jobId(), job.getString("clientId"), items));
    }

    /**
     * The ranking's verdict on one worker for one job, whether or not they applied; empty while the job is
     * not in this read model (just posted, or unknown).
     */
    @QueryHandler
    Optional<ApplicationEligibility> handle(FindApplicationEligibility query) {
        Document job = jobs.find(Filters.eq("_id", query.jobId())).first();
        if (job == null || !job.containsKey("requiredSkills")) {
            return Optional.empty();
        }
        var worker = workers.candidate(query.workerId());
        RankingPolicy.Verdict verdict = RankingPolicy.judge(needs(job), worker.candidate());
        return Optional.of(new ApplicationEligibility(query.jobId(), query.workerId(), verdict.fits(), verdict.reasons(),
                verdict.missingSkills(), verdict.distanceKm() == null ? null : Math.round(verdict.distanceKm() * 10) / 10.0,
                worker.sequence()));
    }

    private static RankingPolicy.Needs needs(Document job) {
        return new RankingPolicy.Needs(job.getList("requiredSkills", String.class),
                Documents.site(job.get("site", Document.class)).point(),
                Documents.shift(job.get("shift", Document.class)),
                Currency.valueOf(job.getString("currency")).zone());
    }
}
