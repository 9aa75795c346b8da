package dev.gigstream.query.stats;

import dev.gigstream.messages.common.JobId;
import dev.gigstream.messages.common.WorkerId;
import dev.gigstream.messages.job.JobPosted;
import dev.gigstream.messages.job.WorkerApplied;
import dev.gigstream.messages.worker.WorkerWentOnline;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AdminStatsPusherTest {

    @Test
    void onlyEventsTheStatsCountAreSignalled() {
        AtomicInteger signals = new AtomicInteger();
        var pusher = new AdminStatsPusher(signals::incrementAndGet);
        var online = new WorkerWentOnline(WorkerId.of("w1"), Instant.EPOCH);
        var applied = new WorkerApplied(JobId.of("j1"), WorkerId.of("w1"), null, Instant.EPOCH);

        pusher.on(online, GenericEventMessage.asEventMessage(online));
        pusher.on(applied, GenericEventMessage.asEventMessage(applied));

        assertThat(signals).hasValue(1);
        assertThat(AdminStatsPusher.COUNTED).contains(JobPosted.class, WorkerWentOnline.class).doesNotContain(WorkerApplied.class);
    }
}
