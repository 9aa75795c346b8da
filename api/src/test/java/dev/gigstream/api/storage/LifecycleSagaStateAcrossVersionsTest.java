package dev.gigstream.api.storage;

import dev.gigstream.sagas.lifecycle.JobLifecycleSaga;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lifecycle stored by the version before the payment saga was split from it is read by this one:
 * the saga store's serializer passes over the fields this version no longer has (its copies of the
 * escrow's state, its Paystack retries) and keeps those it still has.
 */
class LifecycleSagaStateAcrossVersionsTest {

    private final Serializer sagaSerializer = AxonStorageConfiguration.fieldsOnly(new AxonStorageConfiguration().axonPolymorphicTypes());

    @Test
    void aLifecycleStoredBeforeTheSplitIsReadWithTheStateItStillKeeps() throws Exception {
        JobLifecycleSaga current = new JobLifecycleSaga();
        set(current, "jobId", "job-1");
        set(current, "escrowId", "escrow-1");
        set(current, "confirmationLeft", Duration.ofHours(38));
        set(current, "releaseWaitsForTheEscrow", true);
        ObjectNode stored = (ObjectNode) JsonMapper.builder().build()
                .readTree(sagaSerializer.serialize(current, byte[].class).getData());
        // the fields only the previous version had
        stored.put("workerId", "worker-1").put("clientId", "client-1").put("funded", true).put("checkedOut", true)
              .put("chargebackHold", true).put("clocksWaitForTheEscrow", true)
              .put("checkoutRetry", "schedule-1").put("payoutRetry", "schedule-2").putNull("refundRetry");
        SerializedObject<byte[]> beforeTheSplit = new SimpleSerializedObject<>(stored.toString().getBytes(StandardCharsets.UTF_8),
                byte[].class, JobLifecycleSaga.class.getName(), null);

        JobLifecycleSaga read = sagaSerializer.deserialize(beforeTheSplit);

        assertThat(get(read, "jobId")).isEqualTo("job-1");
        assertThat(get(read, "escrowId")).isEqualTo("escrow-1");
        assertThat(get(read, "confirmationLeft")).isEqualTo(Duration.ofHours(38));
        assertThat(get(read, "releaseWaitsForTheEscrow")).isEqualTo(true);
    }

    private static void set(Object saga, String field, Object value) throws ReflectiveOperationException {
        Field f = JobLifecycleSaga.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(saga, value);
    }

    private static Object get(Object saga, String field) throws ReflectiveOperationException {
        Field f = JobLifecycleSaga.class.getDeclaredField(field);
        f.setAccessible(true);
        return f.get(saga);
    }
}
