package dev.gigstream.query.common;

import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobSite;
import org.bson.Document;

import java.util.Date;

/** How the value types are kept in read-model documents, in one place for every projection. */
public final class Documents {

    private Documents() {
    }

    public static Document site(JobSite site) {
        Document doc = new Document("lat", site.point().lat()).append("lng", site.point().lng()).append("address", site.address());
        return site.geocodedBy() == null ? doc : doc.append("geocodedBy", site.geocodedBy().name());
    }

    public static JobSite site(Document doc) {
        String geocodedBy = doc.getString("geocodedBy");
        return new JobSite(new GeoPoint(doc.getDouble("lat"), doc.getDouble("lng")), doc.getString("address"),
                geocodedBy == null ? null : GeocodedBy.valueOf(geocodedBy));
    }

    public static Document shift(ShiftWindow shift) {
        return new Document("start", Date.from(shift.start())).append("end", Date.from(shift.end()));
    }

    public static ShiftWindow shift(Document doc) {
        return new ShiftWindow(doc.getDate("start").toInstant(), doc.getDate("end").toInstant());
    }

    public static Document money(Money money) {
        return new Document("amount", money.amount()).append("currency", money.currency().name());
    }

    public static Money money(Document doc) {
        return new Money(doc.get("amount", Number.class).longValue(), Currency.valueOf(doc.getString("currency")));
    }
}
