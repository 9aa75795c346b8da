package dev.gigstream.api.export;

import dev.gigstream.api.audit.PersonalDataReads;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.api.reach.DeliveryRecords;
import dev.gigstream.api.reach.Devices;
import dev.gigstream.api.reach.NotificationPreferencesDetails;
import dev.gigstream.api.reach.NotificationPreferencesStore;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.JobView;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Makes a person's data export: the account from the account table, each read model's section
 * ({@link FindPersonalData}, asked of all at once, each by its own section type), their devices and
 * notification preferences, and the reads of their
 * data from the audit-read log; then records the export in that log, so the next export shows it. A
 * section that cannot be answered fails the whole export (503 {@code QUERY_UNANSWERED}) rather than
 * leaving it out unnoticed.
 */
@Component
class DataExports {

    private final QueryGateway queries;
    private final Accounts accounts;
    private final PersonalDataReads reads;
    private final DeliveryRecords deliveries;
    private final Clock clock;
    private final Devices devices;
    private final NotificationPreferencesStore preferences;

    DataExports(QueryGateway queries, Accounts accounts, PersonalDataReads reads, DeliveryRecords deliveries, Clock clock,
                Devices devices, NotificationPreferencesStore preferences) {
        this.devices = devices;
        this.preferences = preferences;
        this.queries = queries;
        this.accounts = accounts;
        this.reads = reads;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    PersonalDataExport export(Authentication user, HttpServletRequest request) {
        String userId = user.getName();
        Instant now = clock.instant();
        FindPersonalData query = new FindPersonalData(userId);
        var worker = section(query, FindPersonalData.WorkerProfile.class);
        var jobs = section(query, FindPersonalData.Jobs.class);
        var applications = section(query, FindPersonalData.Applications.class);
        var offers = section(query, FindPersonalData.Offers.class);
        var ratings = section(query, FindPersonalData.Ratings.class);
        var escrows = section(query, FindPersonalData.Escrows.class);
        var disputes = section(query, FindPersonalData.Disputes.class);
        var locations = section(query, FindPersonalData.Locations.class);
        var notifications = section(query, FindPersonalData.Notifications.class);
        PersonalDataExport.Account account = accounts.byId(userId)
                .map(found -> new PersonalDataExport.Account(found.id(), found.email(), found.fullName(), found.phone(),
                        phoneVerification(userId), found.role().name(), accounts.createdAt(userId).orElse(null)))
                .orElse(null);
        PersonalDataExport export = new PersonalDataExport(now, account, worker.join(), jobs.join(), applications.join(),
                offers.join(), ratings.join(), escrows.join(), disputes.join(), locations.join(), notifications.join(),
                deliveries.of(userId).stream().map(d -> new PersonalDataExport.Delivery(d.notificationId(), d.type(),
                        d.channel().name(), d.status().name(), d.reason() == null ? null : d.reason().name(), d.updatedAt())).toList(),
                devices.of(userId).stream().map(PersonalDataExport.Device::of).toList(),
                NotificationPreferencesDetails.of(preferences.of(userId)),
                reads.of(userId, idsIn(jobs.join(), escrows.join(), disputes.join())));
        reads.recordExport(user, request);
        return export;
    }

    private PersonalDataExport.PhoneVerification phoneVerification(String userId) {
        Instant verifiedAt = accounts.phoneVerifiedAt(userId).orElse(null);
        return new PersonalDataExport.PhoneVerification(verifiedAt != null, verifiedAt);
    }

    private <T> CompletableFuture<T> section(FindPersonalData query, Class<T> section) {
        return queries.query(query, section);
    }

    /** The ids of the person's jobs, escrows and disputes, which an audit read's path may name. */
    private static List<String> idsIn(FindPersonalData.Jobs jobs, FindPersonalData.Escrows escrows,
                                      FindPersonalData.Disputes disputes) {
        List<String> ids = new ArrayList<>();
        Stream.concat(jobs.posted().stream(), jobs.hired().stream()).map(JobView::jobId).forEach(ids::add);
        Stream.concat(escrows.asClient().stream(), escrows.asWorker().stream()).map(EscrowView::escrowId).forEach(ids::add);
        disputes.items().stream().map(DisputeView::disputeId).forEach(ids::add);
        return ids;
    }
}
