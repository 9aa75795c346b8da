package dev.gigstream.query.applicants;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.export.FindPersonalData;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/** The applications section of a data export ({@link FindPersonalData.Applications}): the jobs the person applied to. */
@Component
class ApplicationsExport {

    private final MongoCollection<Document> jobs;

    ApplicationsExport(MongoDatabase readModels) {
        this.jobs = readModels.getCollection(ApplicantsProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Applications handle(FindPersonalData query) {
        return new FindPersonalData.Applications(jobs.find(Filters.eq("applicants", query.userId()))
                .sort(Sorts.ascending("_id"))
                .map(job -> new FindPersonalData.Applications.Application(job.getString("_id")))
                .into(new ArrayList<>()));
    }
}
