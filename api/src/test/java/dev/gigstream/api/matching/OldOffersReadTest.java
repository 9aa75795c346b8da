package dev.gigstream.api.matching;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobOffered;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Offers stored before the Job decided them (published by a projection, in the first shape) still read. */
class OldOffersReadTest {

    /** JobOffered as it was first stored. */
    record FirstJobOffered(String jobId, String workerId, int rank, Instant offeredAt, Instant expiresAt) {
    }

    @Test
    void anOfferInTheFirstShapeReadsWithoutWaveDistanceTitleOrPay() {
        var serializer = Jackson3Serializer.builder().build();
        Instant at = Instant.parse("2026-12-01T08:00:00Z");
        SerializedObject<byte[]> stored = serializer.serialize(
                new FirstJobOffered("job-1", "worker-1", 2, at, at.plusSeconds(900)), byte[].class);

        JobOffered read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class,
                JobOffered.class.getName(), null));

        assertThat(read).isEqualTo(new JobOffered(JobId.of("job-1"), WorkerId.of("worker-1"), 2, at, at.plusSeconds(900), null, null, null, null));
    }
}
