package dev.gigstream.messages.common;

/** Refusals of money arithmetic itself. */
public enum MoneyErrorCode implements ErrorCode {
    /** A sum, difference or fee would not fit in a 64-bit count of minor units. */
    AMOUNT_OUT_OF_RANGE(Refusal.Kind.INVALID);

    private final Refusal.Kind kind;

    MoneyErrorCode(Refusal.Kind kind) {
        this.kind = kind;
    }

    @Override
    public Refusal.Kind kind() {
        return kind;
    }

    /** Runs exact arithmetic, turning an overflow into a refusal (never an exception a processor would retry for ever). */
    public static long exactly(java.util.function.LongSupplier arithmetic, String what) {
        try {
            return arithmetic.getAsLong();
        } catch (ArithmeticException overflow) {
            throw new RefusedException(AMOUNT_OUT_OF_RANGE, what + " is out of range");
        }
    }
}
