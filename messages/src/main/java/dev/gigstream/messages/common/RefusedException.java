package dev.gigstream.messages.common;

/** Thrown by a command handler that refuses a command; carries the {@link Refusal} to the caller. */
public class RefusedException extends RuntimeException {

    private final Refusal refusal;

    public RefusedException(ErrorCode code, String detail) {
        super(detail);
        this.refusal = Refusal.of(code, detail);
    }

    public Refusal refusal() {
        return refusal;
    }
}
