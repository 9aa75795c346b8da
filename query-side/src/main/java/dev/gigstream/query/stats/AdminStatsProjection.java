package dev.gigstream.query.stats;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.admin.FindAdminStats;
import dev.gigstream.messages.common.Currency;
import dev.gigstream.messages.common.Money;
import dev.gigstream.messages.dispute.DisputeOpened;
import dev.gigstream.messages.dispute.DisputeResolved;
import dev.gigstream.messages.dispute.DisputeWithdrawn;
import dev.gigstream.messages.escrow.ChargebackLost;
import dev.gigstream.messages.escrow.EscrowFunded;
import dev.gigstream.messages.escrow.EscrowRefundStarted;
import dev.gigstream.messages.escrow.EscrowRefunded;
import dev.gigstream.messages.escrow.EscrowReleased;
import dev.gigstream.messages.escrow.LedgerAccount;
import dev.gigstream.messages.escrow.PayoutCompleted;
import dev.gigstream.messages.escrow.PayoutFailed;
import dev.gigstream.messages.escrow.Posting;
import dev.gigstream.messages.job.HireLapsed;
import dev.gigstream.messages.job.JobCancelled;
import dev.gigstream.messages.job.JobCompleted;
import dev.gigstream.messages.job.JobDisputeSettled;
import dev.gigstream.messages.job.JobDisputeWithdrawn;
import dev.gigstream.messages.job.JobDisputed;
import dev.gigstream.messages.job.JobExpired;
import dev.gigstream.messages.job.JobFunded;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.JobStatus;
import dev.gigstream.messages.job.WorkerCheckedIn;
import dev.gigstream.messages.job.WorkerCheckedOut;
import dev.gigstream.messages.job.WorkerHired;
import dev.gigstream.messages.job.WorkerNoShow;
import dev.gigstream.messages.worker.WorkerReinstated;
import dev.gigstream.messages.worker.WorkerSuspended;
import dev.gigstream.messages.worker.WorkerWentOnline;
import dev.gigstream.query.common.SequencedWrites;
import dev.gigstream.query.common.SharedProcessor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The platform's numbers for the admin dashboard, kept as one small document per aggregate (a job's
 * current status, an escrow's running balances, a dispute's openness, a worker's last time online)
 * and counted when asked. Each document takes its aggregate's events once and in order (sequence
 * guard), and counts are aggregations over documents, so a redelivered event never counts twice.
 */
@Component
@SharedProcessor(SharedProcessor.PEOPLE_READ_MODELS)
@ProcessingGroup(AdminStatsProjection.NAME)
public class AdminStatsProjection {

    public static final String NAME = "admin-stats";
    private static final Set<LedgerAccount> OWED = Set.of(LedgerAccount.ESCROW, LedgerAccount.WORKER_PAYABLE,
            LedgerAccount.REFUND_PAYABLE);

    private final MongoCollection<Document> jobs;
    private final MongoCollection<Document> escrows;
    private final MongoCollection<Document> disputes;
    private final MongoCollection<Document> workers;

    public AdminStatsProjection(MongoDatabase readModels) {
        this.jobs = readModels.getCollection("admin_stats_jobs");
        this.escrows = readModels.getCollection("admin_stats_escrows");
        this.disputes = readModels.getCollection("admin_stats_disputes");
        this.workers = readModels.getCollection("admin_stats_workers");
        jobs.createIndex(Indexes.ascending("status"));
        disputes.createIndex(Indexes.ascending("open"));
        workers.createIndex(Indexes.ascending("lastOnlineAt"));
    }

    @EventHandler
    void on(JobPosted event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.OPEN);
    }

    @EventHandler
    void on(WorkerHired event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.HIRED);
    }

    @EventHandler
    void on(HireLapsed event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.OPEN);
    }

    @EventHandler
    void on(JobFunded event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.FUNDED);
    }

    @EventHandler
    void on(WorkerCheckedIn event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(WorkerCheckedOut event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.AWAITING_CONFIRMATION);
    }

    @EventHandler
    void on(WorkerNoShow event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.NO_SHOW);
    }

    @EventHandler
    void on(JobCompleted event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.COMPLETED);
    }

    @EventHandler
    void on(JobCancelled event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.CANCELLED);
    }

    @EventHandler
    void on(JobDisputed event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.DISPUTED);
    }

    @EventHandler
    void on(JobDisputeWithdrawn event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, event.resumedStatus());
    }

    @EventHandler
    void on(JobDisputeSettled event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, event.status());
    }

    @EventHandler
    void on(JobExpired event, @SequenceNumber long sequence) {
        job(event.jobId().value(), sequence, JobStatus.EXPIRED);
    }

    @EventHandler
    void on(EscrowFunded event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, Updates.combine(
                Updates.set("currency", event.funded().currency().name()),
                Updates.inc("funded", event.funded().amount()),
                balances(event.postings())));
    }

    @EventHandler
    void on(EscrowReleased event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    @EventHandler
    void on(EscrowRefundStarted event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    @EventHandler
    void on(PayoutCompleted event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    /** Only a reversal carries postings: the worker is owed the money again. */
    @EventHandler
    void on(PayoutFailed event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    @EventHandler
    void on(EscrowRefunded event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    /** What the escrow still held went back through the card network; a loss beyond it was never held. */
    @EventHandler
    void on(ChargebackLost event, @SequenceNumber long sequence) {
        SequencedWrites.batch(escrows, event.escrowId().value(), sequence, balances(event.postings()));
    }

    @EventHandler
    void on(DisputeOpened event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.set("open", true));
    }

    @EventHandler
    void on(DisputeResolved event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.set("open", false));
    }

    @EventHandler
    void on(DisputeWithdrawn event, @SequenceNumber long sequence) {
        SequencedWrites.batch(disputes, event.disputeId().value(), sequence, Updates.set("open", false));
    }

    @EventHandler
    void on(WorkerWentOnline event, @SequenceNumber long sequence) {
        SequencedWrites.batch(workers, event.workerId().value(), sequence, Updates.set("lastOnlineAt", Date.from(event.at())));
    }

    @EventHandler
    void on(WorkerSuspended event, @SequenceNumber long sequence) {
        SequencedWrites.batch(workers, event.workerId().value(), sequence, Updates.set("suspended", true));
    }

    @EventHandler
    void on(WorkerReinstated event, @SequenceNumber long sequence) {
        SequencedWrites.batch(workers, event.workerId().value(), sequence, Updates.set("suspended", false));
    }

    @ResetHandler
    void reset() {
        for (var collection : List.of(jobs, escrows, disputes, workers)) {
            collection.deleteMany(new Document());
        }
    }

    @QueryHandler
    AdminStatsView handle(FindAdminStats query) {
        Map<JobStatus, Long> jobsByStatus = new EnumMap<>(JobStatus.class);
        for (JobStatus status : JobStatus.values()) {
            jobsByStatus.put(status, jobs.countDocuments(Filters.eq("status", status.name())));
        }
        Map<Currency, Document> money = new EnumMap<>(Currency.class);
        escrows.aggregate(List.of(Aggregates.match(Filters.exists("currency")), Aggregates.group("$currency", Accumulators.sum("owed", "$owed"),
                        Accumulators.sum("funded", "$funded"), Accumulators.sum("revenue", "$revenue"))))
                .forEach(totals -> money.put(Currency.valueOf(totals.getString("_id")), totals));
        long activeWorkers = workers.countDocuments(Filters.and(Filters.gte("lastOnlineAt", Date.from(query.activeSince())),
                Filters.ne("suspended", true)));
        return new AdminStatsView(jobsByStatus, perCurrency(money, "owed"), perCurrency(money, "funded"),
                perCurrency(money, "revenue"), disputes.countDocuments(Filters.eq("open", true)), activeWorkers);
    }

    private void job(String jobId, long sequence, JobStatus status) {
        SequencedWrites.batch(jobs, jobId, sequence, Updates.set("status", status.name()));
    }

    /**
     * An escrow's running totals from its postings: {@code owed}, what it holds and still owes (the credit
     * balance of ESCROW, WORKER_PAYABLE and REFUND_PAYABLE), and {@code revenue} (PLATFORM_REVENUE's).
     */
    private static Bson balances(List<Posting> postings) {
        long owed = -postings.stream().filter(p -> OWED.contains(p.account())).mapToLong(Posting::amount).sum();
        long revenue = -postings.stream().filter(p -> p.account() == LedgerAccount.PLATFORM_REVENUE)
                .mapToLong(Posting::amount).sum();
        return Updates.combine(Updates.inc("owed", owed), Updates.inc("revenue", revenue));
    }

    private static List<Money> perCurrency(Map<Currency, Document> totals, String field) {
        List<Money> amounts = new ArrayList<>();
        for (Currency currency : Currency.values()) {
            Document total = totals.get(currency);
            Number amount = total == null ? null : total.get(field, Number.class);
            amounts.add(new Money(amount == null ? 0 : amount.longValue(), currency));
        }
        return amounts;
    }
}
