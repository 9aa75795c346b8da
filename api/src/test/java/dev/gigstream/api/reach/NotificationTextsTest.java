package dev.gigstream.api.reach;

import dev.gigstream.messages.notification.NotificationView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationTextsTest {

    private static NotificationView notification(String type, Map<String, String> details) {
        return new NotificationView("n-1", "worker-1", type, "job-1", Instant.parse("2026-12-07T10:00:00Z"), false, details);
    }

    static Stream<String> types() {
        return DeliveryPolicy.RULES.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyTextFitsOneSmsOfTheGsmAlphabetEvenWithALongTitle(String type) {
        String title = "Très long intitulé: serveur·se pour un mariage à Lekki “VIP” ".repeat(4);
        String text = NotificationTexts.sms(notification(type, Map.of("title", title, "amount", "1500000", "currency", "NGN",
                "pay", "1500000", "outcome", "SPLIT")));
        assertThat(text).hasSizeLessThanOrEqualTo(NotificationTexts.SMS_LENGTH).startsWith("Gigstream: ")
                .matches("[A-Za-z0-9 @$_!\"#%&'()*+,\\-./:;<=>?\\n]*");
    }

    @Test
    void anOfferNamesTheJobAndItsPayInMajorUnits() {
        String text = NotificationTexts.sms(notification("job.match", Map.of("title", "Barista", "pay", "1500050", "currency", "NGN")));
        assertThat(text).isEqualTo("Gigstream: New job: Barista. Pays NGN 15,000.50. Open the app to accept before the offer lapses.");
        assertThat(NotificationTexts.push(notification("payout.completed", Map.of("title", "Barista", "amount", "5000", "currency", "GHS"))).body())
                .isEqualTo("GHS 50.00 for Barista is on its way to your account.");
    }
}
