package dev.gigstream.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret key the sandbox checks on its API and signs its webhooks with: {@code PAYSTACK_SECRET_KEY}
 * when set, else one made up at start. Its {@code toString()} never shows it.
 */
public record SandboxKey(String secretKey) {

    public static SandboxKey configuredOrGenerated(String configured) {
        if (configured != null && !configured.isBlank()) {
            return new SandboxKey(configured);
        }
        byte[] random = new byte[20];
        new SecureRandom().nextBytes(random);
        return new SandboxKey("sk_test_sandbox_" + HexFormat.of().formatHex(random));
    }

    @Override
    public String toString() {
        return "SandboxKey[****]";
    }
}
