package dev.gigstream.query.matching;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum MatchingErrorCode implements ErrorCode {
    OFFERS_UNAVAILABLE(Kind.UNAVAILABLE);

    private final Kind kind;

    MatchingErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
