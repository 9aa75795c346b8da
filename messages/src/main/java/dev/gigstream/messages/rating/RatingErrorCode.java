package dev.gigstream.messages.rating;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum RatingErrorCode implements ErrorCode {
    INVALID_RATING(Kind.INVALID),
    NOT_A_PARTY_OF_THE_JOB(Kind.FORBIDDEN),
    JOB_NOT_FINISHED(Kind.CONFLICT),
    RATING_WINDOW_CLOSED(Kind.CONFLICT),
    ALREADY_RATED(Kind.CONFLICT),
    NO_SHOW_RATED_BY_CLIENT_ONLY(Kind.CONFLICT);

    private final Kind kind;

    RatingErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
