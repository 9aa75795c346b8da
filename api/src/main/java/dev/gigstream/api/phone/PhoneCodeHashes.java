package dev.gigstream.api.phone;

import dev.gigstream.sms.PhoneNumbers;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Keyed hashes (HMAC-SHA256) of verification codes and of the numbers they were sent to, so that the tables hold
 * neither. The key is one of its own, derived from the server's access-token secret ({@code GIGSTREAM_JWT_SECRET},
 * or the embedded default's development key): no second secret to provide, and a hash tells nothing about the
 * signing key. A six-digit code hashed without a key could be found by trying all million; without the key it
 * cannot. A new secret only voids the codes pending and restarts the day's count of codes sent.
 */
@Component
class PhoneCodeHashes {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "gigstream phone verification codes".getBytes(StandardCharsets.UTF_8);

    private final SecretKey key;

    PhoneCodeHashes(SecretKey accessTokenKey) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(accessTokenKey.getEncoded(), ALGORITHM), PURPOSE), ALGORITHM);
    }

    /** The code as stored for the account: the same code for another account hashes differently. */
    String code(String accountId, String code) {
        return HexFormat.of().formatHex(hmac(key, ("code:" + accountId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The number as the limit on codes sent counts it: in E.164 where it reads as a number (a Nigerian one without
     * its country code), so that {@code +2348031234567}, {@code 2348031234567} and {@code 08031234567} count as one.
     */
    String phone(String phone) {
        String number = PhoneNumbers.e164(phone, "NG").orElse(phone);
        return HexFormat.of().formatHex(hmac(key, ("phone:" + number).getBytes(StandardCharsets.UTF_8)));
    }

    /** Compared in constant time: how long a wrong code takes tells nothing of how near it came. */
    static boolean same(String hash, String other) {
        return MessageDigest.isEqual(hash.getBytes(StandardCharsets.US_ASCII), other.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
