package dev.gigstream.api.location;

import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.api.location.LocationStore.Share;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.gigstream.api.location.LocationWindowTest.START;
import static dev.gigstream.api.location.LocationWindowTest.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShareExpiryTest {

    private static final Instant NOW = START.minus(Duration.ofMinutes(30));

    private static Share share(Instant expiresAt, Instant revokedAt) {
        return new Share("share-1", "f".repeat(64), "job-1", "worker-1", NOW, expiresAt, revokedAt);
    }

    @Test
    void aLinkLastsTheHoursChosenFromOneToFour() {
        assertThat(ShareExpiry.onCreation(NOW, 1, null)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(ShareExpiry.onCreation(NOW, ShareExpiry.DEFAULT_HOURS, null)).isEqualTo(NOW.plus(Duration.ofHours(4)));
        assertThatThrownBy(() -> ShareExpiry.onCreation(NOW, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShareExpiry.onCreation(NOW, 5, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLinkMadeAfterTheCheckOutEndsAnHourAfterIt() {
        Instant checkedOut = NOW.minus(Duration.ofMinutes(20));
        assertThat(ShareExpiry.onCreation(NOW, 4, checkedOut)).isEqualTo(checkedOut.plus(Duration.ofHours(1)));
        assertThat(ShareExpiry.onCreation(NOW, 4, NOW.minus(Duration.ofHours(2)))).as("already over").isBefore(NOW);
        assertThat(ShareExpiry.onCreation(NOW, 1, NOW.plus(Duration.ofHours(1)))).as("the chosen hour comes first")
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void aLinkMadeBeforeALaterCheckOutExpiresForItsReadersAnHourAfterIt() {
        var share = share(NOW.plus(Duration.ofHours(4)), null);
        Instant checkedOut = NOW.plus(Duration.ofHours(1));
        var checkedOutJob = job(JobStatus.AWAITING_CONFIRMATION, START, checkedOut);

        assertThat(ShareExpiry.effective(share.expiresAt(), checkedOut)).isEqualTo(checkedOut.plus(Duration.ofHours(1)));
        assertThat(ShareExpiry.state(share, checkedOutJob, checkedOut.plus(Duration.ofMinutes(59))))
                .isEqualTo(ShareExpiry.State.LIVE);
        assertThat(ShareExpiry.state(share, checkedOutJob, checkedOut.plus(Duration.ofHours(1))))
                .isEqualTo(ShareExpiry.State.EXPIRED);
    }

    @Test
    void aLinkExpiresAtItsTimeAndARevokedOneSaysSo() {
        var share = share(NOW.plus(Duration.ofHours(1)), null);
        var funded = job(JobStatus.FUNDED, null, null);

        assertThat(ShareExpiry.state(share, funded, NOW)).isEqualTo(ShareExpiry.State.LIVE);
        assertThat(ShareExpiry.state(share, funded, NOW.plus(Duration.ofHours(1)).minusMillis(1))).isEqualTo(ShareExpiry.State.LIVE);
        assertThat(ShareExpiry.state(share, funded, NOW.plus(Duration.ofHours(1)))).isEqualTo(ShareExpiry.State.EXPIRED);
        assertThat(ShareExpiry.state(share(NOW.plus(Duration.ofHours(1)), NOW), funded, NOW.plusSeconds(1)))
                .isEqualTo(ShareExpiry.State.REVOKED);
        assertThat(ShareExpiry.state(share(NOW.minusSeconds(1), NOW), funded, NOW))
                .as("revoked says more than expired").isEqualTo(ShareExpiry.State.REVOKED);
    }

    @Test
    void aLinkOfACalledOffJobOrOfAWorkerNoLongerHiredHasExpired() {
        var share = share(NOW.plus(Duration.ofHours(4)), null);
        for (JobStatus status : new JobStatus[]{JobStatus.CANCELLED, JobStatus.EXPIRED, JobStatus.NO_SHOW}) {
            assertThat(ShareExpiry.state(share, job(status, null, null), NOW)).as(status.name()).isEqualTo(ShareExpiry.State.EXPIRED);
        }
        JobView other = job(JobStatus.FUNDED, null, null);
        var someoneElses = new Share("share-2", "e".repeat(64), "job-1", "worker-2", NOW, NOW.plus(Duration.ofHours(4)), null);
        assertThat(ShareExpiry.state(someoneElses, other, NOW)).isEqualTo(ShareExpiry.State.EXPIRED);
        assertThat(ShareExpiry.state(share, null, NOW)).isEqualTo(ShareExpiry.State.EXPIRED);
    }
}
