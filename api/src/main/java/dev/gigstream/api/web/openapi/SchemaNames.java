package dev.gigstream.api.web.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.gigstream.messages.admin.AdminStatsView;
import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.compliance.ComplianceFlagView;
import dev.gigstream.messages.dispute.DisputeView;
import dev.gigstream.messages.escrow.EscrowView;
import dev.gigstream.messages.export.FindPersonalData;
import dev.gigstream.messages.job.JobSite;
import dev.gigstream.messages.job.JobView;
import dev.gigstream.messages.job.RankedApplicants;
import dev.gigstream.messages.notification.NotificationView;
import dev.gigstream.messages.rating.UserRatingsView;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.messages.worker.WorkerProfileView;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.reflect.Type;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How Java types become named schemas of the OpenAPI document, where an annotation on the type cannot
 * say it: the {@code messages} module knows nothing of HTTP, so its records are named ({@link #OF_MESSAGES})
 * or stood in for by a documented shape ({@link #standIns}) here. Schemas are named after the simple
 * class name, so two records of one name would silently become one schema with the fields of whichever
 * came first: this refuses that, naming both classes, so that one of them is given a name of its own.
 */
final class SchemaNames implements ModelConverter {

    /**
     * The schema names of the messages module's records that answers carry,
     * by the document's one rule: the resource, then its role. A view a list holds is its {@code Item}; a record
     * whose own name follows the rule ({@code GeoPoint}) keeps it.
     */
    static final Map<Class<?>, String> OF_MESSAGES = Map.ofEntries(
            Map.entry(AdminStatsView.class, "PlatformLiveStatsDetails"),
            Map.entry(ComplianceFlagView.class, "ComplianceFlagItem"),
            Map.entry(DisputeView.class, "DisputeDetails"),
            Map.entry(DisputeView.Evidence.class, "DisputeEvidenceItem"),
            Map.entry(DisputeView.Outcome.class, "DisputeOutcomeSummary"),
            Map.entry(EscrowView.LedgerEntry.class, "EscrowLedgerItem"),
            Map.entry(EscrowView.class, "ExportedEscrowItem"),
            Map.entry(FindPersonalData.Applications.class, "ExportedApplicationList"),
            Map.entry(FindPersonalData.Applications.Application.class, "ExportedApplicationItem"),
            Map.entry(FindPersonalData.Disputes.class, "ExportedDisputeList"),
            Map.entry(FindPersonalData.Escrows.class, "ExportedPaymentsDetails"),
            Map.entry(FindPersonalData.Jobs.class, "ExportedJobsDetails"),
            Map.entry(FindPersonalData.Locations.class, "ExportedLocationsDetails"),
            Map.entry(FindPersonalData.Locations.Ping.class, "ExportedPingPoint"),
            Map.entry(FindPersonalData.Locations.Share.class, "ExportedShareItem"),
            Map.entry(FindPersonalData.Notifications.class, "ExportedNotificationList"),
            Map.entry(FindPersonalData.Offers.class, "ExportedOfferList"),
            Map.entry(FindPersonalData.Offers.Offer.class, "ExportedOfferItem"),
            Map.entry(FindPersonalData.Ratings.class, "ExportedRatingsDetails"),
            Map.entry(FindPersonalData.Ratings.Rating.class, "ExportedRatingItem"),
            Map.entry(FindPersonalData.WorkerProfile.class, "ExportedWorkerDetails"),
            Map.entry(FindPersonalData.WorkerProfile.Payout.class, "ExportedPayoutSummary"),
            Map.entry(JobSite.class, "JobSiteLocation"),
            Map.entry(JobView.class, "ExportedJobItem"),
            Map.entry(JobView.StatusChange.class, "JobStatusChangeItem"),
            Map.entry(NotificationView.class, "ExportedNotificationItem"),
            Map.entry(RankedApplicants.Applicant.class, "ApplicantItem"),
            Map.entry(ShiftWindow.class, "ShiftWindowPeriod"),
            Map.entry(Reliability.class, "WorkerReliabilitySummary"),
            Map.entry(UserRatingsView.class, "UserRatingPage"),
            Map.entry(UserRatingsView.Item.class, "UserRatingItem"),
            Map.entry(WorkerProfileView.class, "WorkerProfileDetails"));

    private final Map<Class<?>, String> renamed;
    private final Map<Class<?>, Supplier<Schema<?>>> standIns;
    private final Map<String, Class<?>> owners = new ConcurrentHashMap<>();
    private final Set<String> omittingNulls = ConcurrentHashMap.newKeySet();

    SchemaNames(Map<Class<?>, String> renamed, Map<Class<?>, Supplier<Schema<?>>> standIns) {
        this.renamed = Map.copyOf(renamed);
        this.standIns = Map.copyOf(standIns);
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Class<?> raw = rawClass(type.getType());
        if (raw != null && standIns.containsKey(raw)) {
            return standIns.get(raw).get();
        }
        if (raw != null && renamed.containsKey(raw) && type.getName() == null) {
            type.name(renamed.get(raw));
        }
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        String name = schema == null ? null : schema.get$ref() != null
                ? schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1) : schema.getName();
        if (name != null && raw != null && !standIns.containsKey(raw)) {
            Class<?> owner = owners.putIfAbsent(name, raw);
            if (owner != null && !owner.equals(raw)) {
                throw new IllegalStateException("Two types would share the OpenAPI schema name " + name
                        + ": " + owner.getName() + " and " + raw.getName()
                        + "; give one a name of its own (@Schema(name = ...), or SchemaNames for the messages module)");
            }
            JsonInclude include = raw.getAnnotation(JsonInclude.class);
            if (include != null && include.value() == JsonInclude.Include.NON_NULL) {
                omittingNulls.add(name);
            }
        }
        return schema;
    }

    /** Whether the type of this schema leaves its null fields out of the JSON ({@code @JsonInclude(NON_NULL)}). */
    boolean omitsNulls(String schemaName) {
        return omittingNulls.contains(schemaName);
    }

    private static Class<?> rawClass(Type type) {
        if (type == null) {
            return null;
        }
        if (type instanceof Class<?> c) {
            return c;
        }
        try {
            return TypeFactory.defaultInstance().constructType(type).getRawClass();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
