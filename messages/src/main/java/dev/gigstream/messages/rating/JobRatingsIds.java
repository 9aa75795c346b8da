package dev.gigstream.messages.rating;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The ratings of a job are an aggregate of their own, with an id derived from the job's (never equal to it). */
public final class JobRatingsIds {

    private JobRatingsIds() {
    }

    public static String of(String jobId) {
        return UUID.nameUUIDFromBytes(("ratings:" + jobId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
