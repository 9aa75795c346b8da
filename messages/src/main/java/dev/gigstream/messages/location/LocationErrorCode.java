package dev.gigstream.messages.location;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

/**
 * Why a live-location request was refused. Being too quick ({@code RATE_LIMITED}, 429 with
 * {@code Retry-After}) is not a refusal of this kind: the edge answers it itself.
 */
public enum LocationErrorCode implements ErrorCode {
    /** Not (or no longer) the job's hired worker: only they send its pings and share them. */
    NOT_THE_HIRED_WORKER(Kind.FORBIDDEN),
    /** Outside the time the hired worker's location is shared: 90 minutes before the start until check-out. */
    OUTSIDE_LOCATION_WINDOW(Kind.CONFLICT),
    /** No ping for this job yet (or none left after the retention period). */
    NO_LOCATION_YET(Kind.NOT_FOUND),
    /** No share link with this token, or for this job. */
    SHARE_NOT_FOUND(Kind.NOT_FOUND),
    SHARE_EXPIRED(Kind.GONE),
    SHARE_REVOKED(Kind.GONE);

    private final Kind kind;

    LocationErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
