package dev.gigstream.api.moderation;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

/** Refusals of abuse reports and suspensions (accounts and reports are not aggregates, so they are decided here). */
enum ModerationErrorCode implements ErrorCode {
    CANNOT_REPORT_YOURSELF(Kind.INVALID),
    /** A job out of the feed (no longer OPEN) is reported by its parties only. */
    NOT_A_PARTY_OF_THE_JOB(Kind.FORBIDDEN),
    ALREADY_REPORTED(Kind.CONFLICT),
    REPORT_NOT_FOUND(Kind.NOT_FOUND),
    REPORT_ALREADY_CLOSED(Kind.CONFLICT),
    USER_NOT_FOUND(Kind.NOT_FOUND),
    USER_NOT_SUSPENDABLE(Kind.CONFLICT);

    private final Kind kind;

    ModerationErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
