package dev.gigstream.api.testsupport;

import dev.gigstream.api.reach.DirectTexts;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEMPORARY: stands in for the text messages sent at once ({@link DirectTexts}) until the reach feature's own
 * implementation is in this build, recording every text instead of sending it. Imported by the phone
 * verification's tests only; they read a code through one helper each, to be switched to the inbox or the SMS
 * stand-in then, and this class deleted.
 */
@TestConfiguration
public class SentTexts {

    /** One text as it would have been sent. */
    public record Text(String userId, String phone, String kind, String text) {
    }

    private final List<Text> sent = new CopyOnWriteArrayList<>();

    @Bean
    DirectTexts recordingDirectTexts() {
        return (userId, phone, kind, text) -> sent.add(new Text(userId, phone, kind, text));
    }

    public List<Text> to(String userId) {
        return sent.stream().filter(text -> text.userId().equals(userId)).toList();
    }

    public Optional<Text> last(String userId) {
        List<Text> mine = to(userId);
        return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
    }
}
