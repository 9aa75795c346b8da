package dev.gigstream.query.worker;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.MaskedNumbers;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.worker.FindWorkerProfile;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The worker's section of a data export ({@link FindPersonalData.WorkerProfile}): the profile as the API
 * shows it, the home it leaves out, and the payout account with its number masked.
 */
@Component
class WorkerProfileExport {

    private final WorkerProfileProjection profiles;
    private final MongoCollection<Document> profileDocuments;
    private final MongoCollection<Document> payoutAccounts;

    WorkerProfileExport(WorkerProfileProjection profiles, MongoDatabase readModels) {
        this.profiles = profiles;
        this.profileDocuments = readModels.getCollection(WorkerProfileProjection.COLLECTION);
        this.payoutAccounts = readModels.getCollection(PayoutAccountProjection.COLLECTION);
    }

    @QueryHandler
    FindPersonalData.WorkerProfile handle(FindPersonalData query) {
        var profile = profiles.handle(new FindWorkerProfile(query.userId())).orElse(null);
        if (profile == null) {
            return new FindPersonalData.WorkerProfile(null, null, null);
        }
        Document doc = profileDocuments.find(Filters.eq("_id", query.userId())).first();
        Document home = doc == null ? null : doc.get("home", Document.class);
        Document payout = payoutAccounts.find(Filters.eq("_id", query.userId())).first();
        Document account = payout == null ? null : payout.get("account", Document.class);
        return new FindPersonalData.WorkerProfile(profile,
                home == null ? null : new GeoPoint(home.get("lat", Number.class).doubleValue(), home.get("lng", Number.class).doubleValue()),
                account == null ? null : new FindPersonalData.WorkerProfile.Payout(account.getString("bankCode"),
                        MaskedNumbers.mask(account.getString("accountNumber")), account.getString("accountName")));
    }
}
