package dev.gigstream.api.testsupport;

import dev.gigstream.api.reach.Outgoing;
import dev.gigstream.api.reach.SendResult;
import dev.gigstream.api.reach.SmsSender;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMS provider that keeps every text the application sends (through the caps and records, like any provider),
 * for the tests that read what a text said: a verification code.
 */
@TestConfiguration
public class SentTexts {

    /** One text as it was sent: to whom, at which number (E.164), what it stands for (a direct text's kind), and its text. */
    public record Text(String userId, String phone, String kind, String text) {
    }

    private final List<Text> sent = new CopyOnWriteArrayList<>();

    @Bean
    @Primary
    SmsSender recordingSmsSender() {
        return new SmsSender() {
            @Override
            public String provider() {
                return "recorded";
            }

            @Override
            public SendResult send(Outgoing to, String e164, String text) {
                sent.add(new Text(to.userId(), e164, to.standsFor(), text));
                return new SendResult.Sent(UUID.randomUUID().toString());
            }
        };
    }

    public List<Text> to(String userId) {
        return sent.stream().filter(text -> text.userId().equals(userId)).toList();
    }

    public Optional<Text> last(String userId) {
        List<Text> mine = to(userId);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }
}
