package dev.gigstream.messages;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and event carries the ids of jobs, workers, escrows and disputes as their typed ids, so that
 * swapped arguments do not compile. Queries ({@code Find...}) and the views they answer with keep strings: their
 * fields are the REST API's JSON.
 */
class TypedIdsTest {

    private static final Pattern TYPED_ID_NAME = Pattern.compile("(jobId|workerId|escrowId|disputeId|\\w+(JobId|WorkerId|EscrowId|DisputeId))");

    /** Answers of queries (with the records nested in them), named as they are. */
    private static final Set<String> READ_SIDE = Set.of(
            "ApplicationEligibility", "DisputeView", "EscrowView", "JobFeedItem", "JobRatingsView", "JobView",
            "JobFeedPage", "MoneyMovement", "NotificationView", "PayoutAccountView", "RankedApplicants", "UserRatingsView",
            "WorkerProfileView", "WorkersToOffer");

    @Test
    void commandsAndEventsCarryNoIdAsAString() {
        List<String> stringIds = messageRecords().stream()
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .filter(component -> component.getType() == String.class)
                .filter(component -> TYPED_ID_NAME.matcher(component.getName()).matches())
                .map(TypedIdsTest::describe)
                .toList();

        assertThat(stringIds).isEmpty();
    }

    @Test
    void theCheckSeesTheCommandsAndEvents() {
        assertThat(messageRecords()).extracting(Class::getSimpleName)
                .contains("HireWorker", "WorkerHired", "EscrowFunded", "DisputeOpened")
                .doesNotContain("FindJob", "JobView");
    }

    @Test
    void aStringIdNamedLikeATypedOneIsSeen() {
        record Mixup(String clientJobId, String escrowId, String clientId) {
        }
        assertThat(Arrays.stream(Mixup.class.getRecordComponents())
                .filter(component -> TYPED_ID_NAME.matcher(component.getName()).matches())
                .map(RecordComponent::getName))
                .containsExactly("clientJobId", "escrowId");
    }

    private static List<Class<?>> messageRecords() {
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

    private static String describe(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
