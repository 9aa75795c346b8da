package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum WorkerErrorCode implements ErrorCode {
    INVALID_SKILL(Kind.INVALID),
    TOO_MANY_SKILLS(Kind.INVALID),
    NO_SKILLS(Kind.INVALID),
    TOO_MANY_AVAILABILITY_WINDOWS(Kind.INVALID),
    OVERLAPPING_AVAILABILITY(Kind.INVALID),
    WORKER_ID_TAKEN(Kind.CONFLICT),
    BADGE_ALREADY_AWARDED(Kind.CONFLICT),
    ALREADY_PREMIUM(Kind.CONFLICT),
    NO_PREMIUM_SUBSCRIPTION(Kind.CONFLICT);

    private final Kind kind;

    WorkerErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
