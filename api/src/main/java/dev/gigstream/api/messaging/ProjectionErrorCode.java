package dev.gigstream.api.messaging;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum ProjectionErrorCode implements ErrorCode {
    PROJECTION_NOT_FOUND(Kind.NOT_FOUND),
    /** Per-instance projections rebuild at every start; a handler that cannot be reset refuses it. */
    REPLAY_NOT_SUPPORTED(Kind.CONFLICT),
    /** Another instance holds part of the projection's stream. */
    PROJECTION_BUSY(Kind.CONFLICT);

    private final Kind kind;

    ProjectionErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
