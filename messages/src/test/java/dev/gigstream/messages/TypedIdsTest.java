package dev.gigstream.messages;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command and event carries the ids of jobs, workers, escrows and disputes as their typed ids, so that
 * swapped arguments do not compile. Queries ({@code Find...}) and the views they answer with keep strings: their
 * fields are the REST API's JSON.
 */
class TypedIdsTest {

    private static final Pattern TYPED_ID_NAME = Pattern.compile("(jobId|workerId|escrowId|disputeId|\\w+(JobId|WorkerId|EscrowId|DisputeId))");

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
        return MessageRecords.commandsAndEvents();
    }

    private static String describe(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
