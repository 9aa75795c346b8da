package dev.gigstream.messages.dispute;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.Refusal.Kind;

public enum DisputeErrorCode implements ErrorCode {
    INVALID_DISPUTE(Kind.INVALID),
    INVALID_EVIDENCE(Kind.INVALID),
    INVALID_WORKER_SHARE(Kind.INVALID),
    NOT_A_PARTY(Kind.FORBIDDEN),
    NOT_THE_OPENER(Kind.FORBIDDEN),
    JOB_NOT_DISPUTABLE(Kind.CONFLICT),
    DISPUTE_ALREADY_OPEN(Kind.CONFLICT),
    DISPUTE_ID_TAKEN(Kind.CONFLICT),
    EVIDENCE_ID_TAKEN(Kind.CONFLICT),
    DISPUTE_CLOSED(Kind.CONFLICT),
    TOO_MUCH_EVIDENCE(Kind.CONFLICT),
    CHARGEBACK_OPEN(Kind.CONFLICT);

    private final Kind kind;

    DisputeErrorCode(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
