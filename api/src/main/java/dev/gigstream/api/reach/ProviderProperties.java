package dev.gigstream.api.reach;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The providers' settings, read when one is chosen ({@link ReachProperties}); their secrets only from the environment. */
final class ProviderProperties {

    private ProviderProperties() {
    }

    /** Firebase Cloud Messaging: the service account's JSON key, and FCM's host (FCM's own when blank). */
    @ConfigurationProperties("gigstream.fcm")
    record Fcm(String serviceAccount, String baseUrl) {

        @Override
        public String toString() {
            return "Fcm[serviceAccount=***, baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Termii: the API key texts are sent with, the secret key its delivery reports are signed with, the sender id
     * and route ({@code dnd}, {@code generic}), and the account's API host (Termii's Nigerian one when blank).
     */
    @ConfigurationProperties("gigstream.termii")
    record Termii(String apiKey, String secretKey, String senderId, String channel, String baseUrl) {

        @Override
        public String toString() {
            return "Termii[apiKey=***, secretKey=***, senderId=" + senderId + ", channel=" + channel + ", baseUrl=" + baseUrl + "]";
        }
    }
}
