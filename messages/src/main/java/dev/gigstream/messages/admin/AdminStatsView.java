package dev.gigstream.messages.admin;

import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.job.JobStatus;

import java.util.List;
import java.util.Map;

/**
 * The admin dashboard's numbers. Money is kept apart per currency: each amount is a list with one
 * {@link Money} for every currency the platform settles in (zero when there is none), in the order of
 * {@link dev.gigstream.messages.common.Currency}. {@code jobsByStatus} has every status, zero included.
 * <ul>
 * <li>{@code escrowHeld} — what the platform holds and still owes: funded money not yet released, the
 * workers' pay not yet transferred and refunds not yet processed (ESCROW + WORKER_PAYABLE + REFUND_PAYABLE).</li>
 * <li>{@code grossVolume} — everything clients ever paid into escrows (the totals funded).</li>
 * <li>{@code feesEarned} — the service fees earned (PLATFORM_REVENUE), before Paystack's processing fees.</li>
 * <li>{@code openDisputes} — disputes neither resolved nor withdrawn.</li>
 * <li>{@code activeWorkers} — workers not suspended who were online within {@link FindAdminStats#ACTIVE_WINDOW}.</li>
 * </ul>
 */
public record AdminStatsView(Map<JobStatus, Long> jobsByStatus,
                             List<Money> escrowHeld,
                             List<Money> grossVolume,
                             List<Money> feesEarned,
                             long openDisputes,
                             long activeWorkers) {
}
