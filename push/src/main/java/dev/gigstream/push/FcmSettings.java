package dev.gigstream.push;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Firebase Cloud Messaging is, the service account that may send through it, and how patiently
 * to talk to it. {@code baseUrl} is the host ({@code https://fcm.googleapis.com}); the client posts to
 * {@code v1/projects/{project_id}/messages:send} under it, the project being the service account
 * JSON's {@code project_id}. The JSON's {@code token_uri} says where the OAuth2 access token comes
 * from. {@code connectTimeout} and {@code requestTimeout} bound every call, to FCM and to the token
 * endpoint alike. {@link #toString()} hides the service account, whose private key must never reach a log.
 */
public record FcmSettings(URI baseUrl, String serviceAccountJson, Duration connectTimeout, Duration requestTimeout) {

    public static final String FCM = "https://fcm.googleapis.com";

    public FcmSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (serviceAccountJson == null || serviceAccountJson.isBlank()) {
            throw new IllegalArgumentException("a Firebase service account (its JSON key) is required");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()
                || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("the timeouts must be positive: " + connectTimeout + ", "
                    + requestTimeout);
        }
    }

    /** FCM itself; 5 s to connect, 10 s per request. */
    public static FcmSettings of(String serviceAccountJson) {
        return of(FCM, serviceAccountJson);
    }

    /** FCM at {@code baseUrl} (a stand-in's, in tests); 5 s to connect, 10 s per request. */
    public static FcmSettings of(String baseUrl, String serviceAccountJson) {
        return new FcmSettings(URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/"), serviceAccountJson,
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public FcmSettings withTimeouts(Duration connectTimeout, Duration requestTimeout) {
        return new FcmSettings(baseUrl, serviceAccountJson, connectTimeout, requestTimeout);
    }

    /** Everything but the service account, which must never reach a log. */
    @Override
    public String toString() {
        return "FcmSettings[baseUrl=" + baseUrl + ", serviceAccountJson=***, connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
