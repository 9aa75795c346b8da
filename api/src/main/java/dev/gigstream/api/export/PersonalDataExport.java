package dev.gigstream.api.export;

import dev.gigstream.api.audit.AuditRead;
import dev.gigstream.api.reach.NotificationPreferencesDetails;
import dev.gigstream.api.reach.Platform;
import dev.gigstream.messages.export.FindPersonalData;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Everything held about one person, as one document: their account, and a section from each read model
 * that holds something about them ({@link FindPersonalData}). Another person appears by id and role only;
 * free text another person wrote is left out.
 */
@Schema(name = "PersonalDataDetails", description = "Everything Gigstream holds about the signed-in user. Another person "
        + "appears by id and role only; text another person wrote (a job's description seen by its worker, the other "
        + "party's dispute reason and evidence, a rating comment received, an admin's note) is left out (null).")
public record PersonalDataExport(
        @Schema(description = "When this export was made") Instant exportedAt,
        Account account,
        @Schema(description = "The worker's profile, home and payout account (its number masked, as everywhere); "
                + "`profile` is null for someone who is not a worker") FindPersonalData.WorkerProfile worker,
        @Schema(description = "Jobs posted as client, and jobs hired for as worker") FindPersonalData.Jobs jobs,
        @Schema(description = "Jobs applied to and not withdrawn from") FindPersonalData.Applications applications,
        @Schema(description = "Job offers still held in the worker's queue") FindPersonalData.Offers offers,
        @Schema(description = "Ratings given (with one's own comment) and received (once revealed, without the "
                + "rater's comment)") FindPersonalData.Ratings ratings,
        @Schema(description = "Payments and payouts: the escrows paid into as client and paid out of as worker, with "
                + "their ledgers") FindPersonalData.Escrows payments,
        @Schema(description = "Disputes one is a party to, with one's own evidence") FindPersonalData.Disputes disputes,
        @Schema(description = "Safety links made and location pings still held") FindPersonalData.Locations locations,
        @Schema(description = "The notification inbox") FindPersonalData.Notifications notifications,
        @Schema(description = "How the notifications (and direct texts, such as a verification code) reached one by "
                + "WebSocket, push and SMS, by notification id; no text or number is kept of them") List<Delivery> deliveries,
        @Schema(description = "The devices registered for push notifications, newest first") List<Device> devices,
        @Schema(description = "The notification preferences set (the defaults when none were)")
        NotificationPreferencesDetails notificationPreferences,
        @Schema(description = "Reads of one's data: one's own exports, and every read of the audit trail whose path "
                + "names one or one of one's jobs, escrows or disputes, oldest first") List<AuditRead> auditReads) {

    /** A device registered for push notifications; its token shown by its end only, enough to tell devices apart. */
    @Schema(name = "ExportedDeviceItem")
    public record Device(Platform platform, @Schema(description = "The last 6 characters of the push token") String tokenEnd,
                         Instant addedAt) {

        static Device of(dev.gigstream.api.reach.Device device) {
            String token = device.token();
            return new Device(device.platform(), token.substring(Math.max(0, token.length() - 6)), device.addedAt());
        }
    }

    /** The account one signs in with. */
    @Schema(name = "PersonalAccountDetails")
    public record Account(String userId, String email, String fullName, String phone, PhoneVerification phoneVerification,
                          String role, Instant createdAt) {
    }

    /** Whether the account's current phone number was verified by a code sent to it, and when. */
    @Schema(name = "PersonalPhoneVerificationDetails")
    public record PhoneVerification(boolean verified, Instant verifiedAt) {
    }

    /** One channel's delivery of a notification or direct text (its {@code type} names which). */
    @Schema(name = "ExportedDeliveryItem")
    public record Delivery(String notificationId, String type, String channel, String status, String reason, Instant at) {
    }
}
