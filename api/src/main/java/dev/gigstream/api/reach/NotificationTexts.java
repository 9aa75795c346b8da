package dev.gigstream.api.reach;

import dev.gigstream.messages.notification.NotificationView;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * What a push notification and a text message say for each notification type, in one place. A text
 * message fits one SMS: at most 160 characters of the GSM 7-bit alphabet (accents are dropped, other
 * characters become {@code ?}; a job title is shortened to fit). Amounts are the notification's minor
 * units shown in major units with their currency ({@code NGN 15,000.00}).
 */
public final class NotificationTexts {

    public static final int SMS_LENGTH = 160;
    private static final String PREFIX = "Gigstream: ";
    /** GSM 7-bit characters of the basic set that need no escape, besides letters and digits. */
    private static final String GSM_PUNCTUATION = " @$_!\"#%&'()*+,-./:;<=>?\n";

    /** A push notification's title and body. */
    public record Push(String title, String body) {
    }

    private NotificationTexts() {
    }

    public static Push push(NotificationView notification) {
        Map<String, String> d = notification.details();
        String job = d.getOrDefault("title", "your job");
        return switch (notification.type()) {
            case "job.match" -> new Push("New job: " + job, pay(d) + "Open the app to accept before the offer lapses.");
            case "worker.hired" -> new Push("You're hired: " + job, "Check the shift's time and place in the app.");
            case "payout.completed" -> new Push("Payout sent", money(d, "amount") + " for " + job + " is on its way to your account.");
            case "escrow.refunded" -> new Push("Refund", money(d, "amount") + " for " + job + " was refunded.");
            case "dispute.resolved" -> new Push("Dispute resolved", "The dispute on " + job + " was resolved: " + d.getOrDefault("outcome", "see the app") + ".");
            case "account.suspended" -> new Push("Account suspended", "Your Gigstream account is suspended. Open the app for details.");
            case "account.reinstated" -> new Push("Account reinstated", "Your Gigstream account is active again.");
            case "application.received" -> new Push("New applicant", "A worker applied to " + job + ".");
            case "shift.checked_in" -> new Push("Checked in", "Your worker checked in for " + job + ".");
            case "shift.checked_out" -> new Push("Checked out", "Your worker checked out of " + job + ".");
            case "shift.confirmed" -> new Push("Shift confirmed", "Your shift for " + job + " is confirmed.");
            case "escrow.funded" -> new Push("Pay secured", "The pay for " + job + " is held in escrow.");
            case "dispute.opened" -> new Push("Dispute opened", "A dispute was opened on " + job + ". Answer it in the app.");
            case "rating.received" -> new Push("New rating", "You were rated for " + job + ".");
            case "badge.awarded" -> new Push("New badge", "You earned a badge.");
            case "premium.started" -> new Push("Premium started", "Your premium membership is active.");
            case "premium.ended" -> new Push("Premium ended", "Your premium membership has ended.");
            default -> new Push("Gigstream", "You have a new notification.");
        };
    }

    /** The text message for the notification: its push's title and body, fitted into one SMS. */
    public static String sms(NotificationView notification) {
        Push push = push(notification);
        String job = notification.details().get("title");
        String text = gsm(PREFIX + push.title() + ". " + push.body());
        if (text.length() > SMS_LENGTH && job != null) {
            int over = text.length() - SMS_LENGTH;
            String shorter = job.length() > over + 3 ? job.substring(0, job.length() - over - 3) + "..." : "your job";
            text = gsm(PREFIX + push.title().replace(job, shorter) + ". " + push.body().replace(job, shorter));
        }
        return text.length() > SMS_LENGTH ? text.substring(0, SMS_LENGTH) : text;
    }

    /** {@code text} in GSM 7-bit characters that need no escape: accents dropped, anything else {@code ?}. */
    static String gsm(String text) {
        String plain = Normalizer.normalize(text.replace('\u2019', '\''), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            boolean basic = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || GSM_PUNCTUATION.indexOf(c) >= 0;
            out.append(basic ? c : '?');
        }
        return out.toString();
    }

    private static String pay(Map<String, String> details) {
        return details.containsKey("pay") ? "Pays " + money(details, "pay") + ". " : "";
    }

    /** {@code 1500000} and {@code NGN} as {@code NGN 15,000.00}. */
    static String money(Map<String, String> details, String key) {
        String amount = details.get(key);
        if (amount == null) {
            return "The amount";
        }
        return details.getOrDefault("currency", "") + " "
                + String.format(Locale.ROOT, "%,.2f", new BigDecimal(amount).movePointLeft(2)).strip();
    }
}
