package dev.gigstream.query.feed;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.JobView;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The jobs section of a data export ({@link FindPersonalData.Jobs}), from the job feed's documents: the
 * jobs the person posted, in full, and those they were hired for, without the client's description (the
 * client's own text).
 */
@Component
class JobsExport {

    private final MongoCollection<Document> jobs;

    JobsExport(MongoDatabase readModels) {
        this.jobs = readModels.getCollection(JobFeedProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Jobs handle(FindPersonalData query) {
        List<JobView> posted = jobs.find(Filters.eq("clientId", query.userId()))
                .sort(Sorts.ascending("postedAt", "_id")).map(JobFeedProjection::toView).into(new ArrayList<>());
        List<JobView> hired = jobs.find(Filters.eq("hiredWorkerId", query.userId()))
                .sort(Sorts.ascending("postedAt", "_id")).map(JobFeedProjection::toView)
                .map(JobsExport::withoutDescription).into(new ArrayList<>());
        return new FindPersonalData.Jobs(posted, hired);
    }

    private static JobView withoutDescription(JobView job) {
        return new JobView(job.jobId(), job.clientId(), job.title(), null, job.requiredSkills(), job.site(), job.shift(),
                job.pay(), job.status(), job.postedAt(), job.hiredWorkerId(), job.escrowId(), job.timeline(),
                job.checkedInAt(), job.checkedOutAt(), job.checkedOutAutomatically(), job.disputeId());
    }
}
