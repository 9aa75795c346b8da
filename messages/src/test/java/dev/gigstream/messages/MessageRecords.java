package dev.gigstream.messages;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;
import java.util.Set;

/**
 * The records of {@code dev.gigstream.messages} that are commands and events (with the value records they are
 * made of), found by scanning the package: everything but queries ({@code Find...}) and the views they answer
 * with, whose fields are the REST API's JSON.
 */
public final class MessageRecords {

    /** Answers of queries (with the records nested in them, and the lists that hold them), named as they are. */
    private static final Set<String> READ_SIDE = Set.of(
            "AdminStatsView", "ApplicantStanding", "ApplicationEligibility", "ComplianceFlagList", "ComplianceFlagView",
            "DisputeList", "DisputeView", "EscrowList", "EscrowView", "JobFeedItem", "JobRatingsView", "JobView",
            "JobFeedPage", "MoneyMovement", "MoneyMovementPage", "NotificationPage", "NotificationView", "PayoutAccountView",
            "RankedApplicants", "UserRatingsView", "WorkerProfileView", "WorkersToOffer");

    private MessageRecords() {
    }

    public static List<Class<?>> commandsAndEvents() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gigstream.messages").stream()
                .filter(JavaClass::isRecord)
                .<Class<?>>map(JavaClass::reflect)
                .filter(type -> !isReadSide(outermost(type).getSimpleName()))
                .toList();
    }

    private static boolean isReadSide(String name) {
        return name.startsWith("Find") || READ_SIDE.contains(name);
    }

    private static Class<?> outermost(Class<?> type) {
        return type.getEnclosingClass() == null ? type : outermost(type.getEnclosingClass());
    }
}
