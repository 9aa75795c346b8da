package dev.gigstream.query.common;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.job.GeocodedBy;
import dev.gigstream.messages.job.JobSite;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsTest {

    @Test
    void aSiteKeepsWhoGeocodedIt() {
        var site = new JobSite(new GeoPoint(6.511, 3.379), "Yaba, Lagos, Nigeria", GeocodedBy.GAZETTEER);

        assertThat(Documents.site(Documents.site(site))).isEqualTo(site);
    }

    @Test
    void aSiteStoredBeforeGeocodingWasRecordedReadsAsUnknown() {
        var stored = new Document("lat", 6.45).append("lng", 3.39).append("address", "1 Marina, Lagos");

        assertThat(Documents.site(stored)).isEqualTo(new JobSite(new GeoPoint(6.45, 3.39), "1 Marina, Lagos", null));
        assertThat(Documents.site(new JobSite(new GeoPoint(6.45, 3.39), "1 Marina, Lagos"))).doesNotContainKey("geocodedBy");
    }
}
