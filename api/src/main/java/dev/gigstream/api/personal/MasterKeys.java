package dev.gigstream.api.personal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The master key that wraps every person's data key: {@code GIGSTREAM_PERSONAL_DATA_MASTER_KEY} (base64 of
 * 32 bytes) and, while it is being rotated, the one before it in {@code GIGSTREAM_PERSONAL_DATA_MASTER_KEY_PREVIOUS}.
 * A key is known by its id, a fingerprint stored next to each wrapped data key. Only the embedded profile may
 * fall back to a generated development key kept under the data directory, said loudly in the log.
 */
public final class MasterKeys {

    static final String DEV_KEY_FILE = "dev-personal-data-master-key";
    private static final Logger log = LoggerFactory.getLogger(MasterKeys.class);

    private final SecretKey current;
    private final String currentId;
    private final SecretKey previous;
    private final String previousId;

    private MasterKeys(byte[] current, byte[] previous) {
        this.current = aes(current);
        this.currentId = idOf(current);
        this.previous = previous == null ? null : aes(previous);
        this.previousId = previous == null ? null : idOf(previous);
    }

    /** The keys as the environment gives them (base64); {@code previous} may be blank. */
    public static MasterKeys of(String current, String previous) {
        return new MasterKeys(decode(current, "GIGSTREAM_PERSONAL_DATA_MASTER_KEY"),
                previous == null || previous.isBlank() ? null : decode(previous, "GIGSTREAM_PERSONAL_DATA_MASTER_KEY_PREVIOUS"));
    }

    /** As {@link #of}, or without a current key the development key in {@code dataDir} when that is allowed. */
    public static MasterKeys resolve(String current, String previous, boolean generateDevKey, Path dataDir) {
        if (current != null && !current.isBlank()) {
            return of(current, previous);
        }
        if (!generateDevKey) {
            throw new IllegalStateException("GIGSTREAM_PERSONAL_DATA_MASTER_KEY is not set: it is required outside the "
                    + "embedded profile (generate one with: openssl rand -base64 32)");
        }
        return of(devKey(dataDir.resolve(DEV_KEY_FILE)), previous);
    }

    String currentId() {
        return currentId;
    }

    Optional<String> previousId() {
        return Optional.ofNullable(previousId);
    }

    boolean knows(String masterKeyId) {
        return currentId.equals(masterKeyId) || masterKeyId.equals(previousId);
    }

    /** A data key wrapped by the current master key, bound to its subject and version. */
    String wrap(String subject, int version, byte[] dataKey) {
        return Base64.getEncoder().encodeToString(AesGcm.seal(current, boundTo(subject, version), dataKey));
    }

    /** A data key unwrapped by the master key it was wrapped with, which must be the current or the previous one. */
    byte[] unwrap(String masterKeyId, String subject, int version, String wrapped) {
        SecretKey key = currentId.equals(masterKeyId) ? current : masterKeyId.equals(previousId) ? previous : null;
        if (key == null) {
            throw new IllegalStateException("The data key of a person is wrapped by master key " + masterKeyId
                    + ", which is neither GIGSTREAM_PERSONAL_DATA_MASTER_KEY (" + currentId + ") nor its _PREVIOUS");
        }
        return AesGcm.open(key, boundTo(subject, version), Base64.getDecoder().decode(wrapped));
    }

    private static String boundTo(String subject, int version) {
        return "personal-key:" + version + ":" + subject;
    }

    private static byte[] decode(String base64, String name) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not base64", e);
        }
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalStateException(name + " must be " + AesGcm.KEY_BYTES + " bytes (base64 of 256 bits), not " + key.length);
        }
        return key;
    }

    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static SecretKey aes(byte[] key) {
        return new SecretKeySpec(key, "AES");
    }

    private static String devKey(Path file) {
        try {
            if (Files.exists(file)) {
                log.warn("Wrapping personal data keys with the generated DEVELOPMENT master key in {}; set "
                        + "GIGSTREAM_PERSONAL_DATA_MASTER_KEY for anything but local use", file);
                return Files.readString(file).strip();
            }
            String key = Base64.getEncoder().encodeToString(AesGcm.newKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, key);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            log.warn("Generated a DEVELOPMENT master key for personal data in {}; set GIGSTREAM_PERSONAL_DATA_MASTER_KEY "
                    + "for anything but local use (losing this file loses every person's data)", file);
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or write the development master key " + file, e);
        }
    }
}
