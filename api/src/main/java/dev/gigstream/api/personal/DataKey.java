package dev.gigstream.api.personal;

import javax.crypto.SecretKey;

/** A person's data key: {@code subject} is the person's id, {@code version} the key's (1 until a person is ever re-keyed). */
record DataKey(String subject, int version, SecretKey key) {
}
