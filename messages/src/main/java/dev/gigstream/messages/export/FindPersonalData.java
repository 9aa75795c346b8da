package dev.gigstream.messages.export;

import dev.gigstream.messages.common.GeoPoint;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.messages.rating.RaterRole;
import dev.gigstream.messages.worker.WorkerProfileView;

import java.time.Instant;
import java.util.List;

/**
 * Everything a read model holds about one person, for their data export ({@code GET /api/v1/me/data-export}).
 * One query, answered by each read model with its own section: the section's type is the response type
 * asked for ({@code queries.query(new FindPersonalData(id), FindPersonalData.Jobs.class)}), so each read
 * model's handler is found point to point and a section that cannot be answered fails the export rather
 * than leaving a silent gap.
 *
 * <p>A section holds the person's own data and the facts they took part in; another person appears by id
 * and role only. Free text another person wrote (a job's description seen by its worker, the other party's
 * dispute reason and evidence, a rating comment received) is that person's personal data, encrypted with
 * their key and erased with them, and is left out ({@code null}).
 */
public record FindPersonalData(String userId) {

    /**
     * A worker's profile as the API shows it (badges and premium included), with their home and the payout
     * account they gave, its number masked as everywhere else (the API never shows it, not even to its
     * owner). {@code profile} is null for someone who is not a worker.
     */
    public record WorkerProfile(WorkerProfileView profile, GeoPoint home, Payout payout) {

        public record Payout(String bankCode, String maskedAccountNumber, String accountName) {
        }
    }

    /** Jobs the person posted (as client) and was hired for (as worker). */
    public record Jobs(List<JobView> posted, List<JobView> hired) {
    }

    /** The jobs the person has applied to and not withdrawn from. */
    public record Applications(List<Application> items) {

        public record Application(String jobId) {
        }
    }

    /** The offers of jobs made to the person (as worker) that are still held. */
    public record Offers(List<Offer> items) {

        /** {@code rank}: the person's place among the workers the job was offered to (1 is the best fit). */
        public record Offer(String jobId, int rank, String title, Instant expiresAt) {
        }
    }

    /**
     * Ratings the person gave (with their comment, revealed or not yet) and received (only once revealed,
     * without the rater's comment).
     */
    public record Ratings(List<Rating> given, List<Rating> received) {

        /** {@code otherPartyId} is the ratee of a rating given, the rater of one received. */
        public record Rating(String jobId, RaterRole byRole, String otherPartyId, int stars, String comment, Instant at,
                             boolean revealed) {
        }
    }

    /** Escrows the person paid into (as client) or was paid out of (as worker), with their ledgers. */
    public record Escrows(List<EscrowView> asClient, List<EscrowView> asWorker) {
    }

    /** Disputes the person is a party to, with the evidence; the other party's text left out. */
    public record Disputes(List<DisputeView> items) {
    }

    /** The safety links the person made and their location pings still held. */
    public record Locations(List<Share> shares, List<Ping> pings) {

        public record Share(String shareId, String jobId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        }

        public record Ping(String jobId, double lat, double lng, Double accuracyM, Instant at) {
        }
    }

    /** The person's notification inbox, every notification still held. */
    public record Notifications(List<NotificationView> items) {
    }
}
