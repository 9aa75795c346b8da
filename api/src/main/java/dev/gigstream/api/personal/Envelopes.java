package dev.gigstream.api.personal;

import java.util.Base64;
import java.util.Optional;

/**
 * A personal value as it is stored: {@code pd1:<key version>:<subject id>:<base64 of IV, ciphertext and tag>},
 * the value's JSON encrypted with AES-GCM under its subject's data key and bound to subject and version.
 */
final class Envelopes {

    static final String PREFIX = "pd1:";

    private final PersonalKeys keys;

    Envelopes(PersonalKeys keys) {
        this.keys = keys;
    }

    static boolean isEnvelope(String text) {
        return text.startsWith(PREFIX);
    }

    /** The envelope of the value's JSON; empty when the subject is erased (nothing about them is stored any more). */
    Optional<String> seal(String subject, byte[] json) {
        return keys.keyToEncrypt(subject).map(key -> PREFIX + key.version() + ":" + subject + ":"
                + Base64.getEncoder().encodeToString(AesGcm.seal(key.key(), boundTo(subject, key.version()), json)));
    }

    /** The value's JSON; empty when its subject's key is shredded. */
    Optional<byte[]> open(String envelope) {
        int versionEnd = envelope.indexOf(':', PREFIX.length());
        int subjectEnd = envelope.lastIndexOf(':');
        if (!isEnvelope(envelope) || versionEnd < 0 || subjectEnd <= versionEnd) {
            throw new IllegalStateException("Not a personal data envelope");
        }
        int version = Integer.parseInt(envelope.substring(PREFIX.length(), versionEnd));
        String subject = envelope.substring(versionEnd + 1, subjectEnd);
        byte[] sealed = Base64.getDecoder().decode(envelope.substring(subjectEnd + 1));
        return keys.keyToDecrypt(subject, version).map(key -> AesGcm.open(key.key(), boundTo(subject, version), sealed));
    }

    private static String boundTo(String subject, int version) {
        return "personal-data:" + version + ":" + subject;
    }
}
