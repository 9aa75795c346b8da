package dev.gigstream.sandbox;

/** The sandbox refuses a request as Paystack would: an HTTP status and Paystack's message, type and code. */
public class SandboxRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String code;

    SandboxRefusal(int status, String message, String type, String code) {
        super(message);
        this.status = status;
        this.type = type;
        this.code = code;
    }

    static SandboxRefusal invalid(String message) {
        return new SandboxRefusal(400, message, "validation_error", "invalid_params");
    }

    static SandboxRefusal notFound(String message) {
        return new SandboxRefusal(404, message, "api_error", "not_found");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String code() {
        return code;
    }
}
