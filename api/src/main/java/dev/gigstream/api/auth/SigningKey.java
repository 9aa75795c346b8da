package dev.gigstream.api.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC key that signs access tokens: {@code GIGSTREAM_JWT_SECRET} (at least 32 bytes) wherever it
 * is set. Only the embedded profile may fall back to a generated development key, which it keeps
 * under the data directory so that sessions survive a restart, and says so loudly in the log.
 */
final class SigningKey {

    static final int MIN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private SigningKey() {
    }

    static SecretKey resolve(AuthProperties properties, Path dataDir) {
        String secret = properties.jwtSecret();
        if (secret != null && !secret.isBlank()) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_BYTES) {
                throw new IllegalStateException("GIGSTREAM_JWT_SECRET must be at least " + MIN_BYTES + " bytes");
            }
            return hmac(bytes);
        }
        if (!properties.generateDevKey()) {
            throw new IllegalStateException("GIGSTREAM_JWT_SECRET is not set: it is required outside the embedded "
                    + "profile (generate one with: openssl rand -base64 48)");
        }
        return hmac(devKey(dataDir.resolve("dev-jwt-secret")));
    }

    private static byte[] devKey(Path file) {
        try {
            if (Files.exists(file)) {
                log.warn("Signing access tokens with the generated DEVELOPMENT key in {}; set GIGSTREAM_JWT_SECRET "
                        + "for anything but local use", file);
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[48];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a DEVELOPMENT signing key for access tokens in {}; set GIGSTREAM_JWT_SECRET for "
                    + "anything but local use", file);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write the development signing key " + file, e);
        }
    }

    private static SecretKey hmac(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
