package dev.gigstream.query.rating;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.rating.RaterRole;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The ratings section of a data export ({@link FindPersonalData.Ratings}): those the person gave, with their
 * own comment, hidden or revealed; those they received only once revealed, without the rater's comment.
 */
@Component
class RatingsExport {

    private final MongoCollection<Document> ratings;

    RatingsExport(MongoDatabase readModels) {
        this.ratings = readModels.getCollection(RatingsProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.Ratings handle(FindPersonalData query) {
        List<FindPersonalData.Ratings.Rating> given = ratings.find(Filters.eq("raterId", query.userId()))
                .sort(Sorts.ascending("at", "_id"))
                .map(doc -> rating(doc, doc.getString("rateeId"), doc.getString("comment")))
                .into(new ArrayList<>());
        List<FindPersonalData.Ratings.Rating> received = ratings.find(Filters.and(Filters.eq("rateeId", query.userId()),
                        Filters.eq(RevealedRatings.REVEALED, true)))
                .sort(Sorts.ascending("at", "_id"))
                .map(doc -> rating(doc, doc.getString("raterId"), null))
                .into(new ArrayList<>());
        return new FindPersonalData.Ratings(given, received);
    }

    private static FindPersonalData.Ratings.Rating rating(Document doc, String otherPartyId, String comment) {
        return new FindPersonalData.Ratings.Rating(doc.getString("jobId"), RaterRole.valueOf(doc.getString("raterRole")),
                otherPartyId, doc.getInteger("stars"), comment, doc.getDate("at").toInstant(),
                doc.getBoolean(RevealedRatings.REVEALED, false));
    }
}
