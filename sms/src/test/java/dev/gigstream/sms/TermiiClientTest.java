package dev.gigstream.sms;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gigstream.sms.SmsResult.Rejected;
import dev.gigstream.sms.SmsResult.RetryLater;
import dev.gigstream.sms.SmsResult.Sent;
import dev.gigstream.sms.SmsResult.Unknown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The client against a local server speaking Termii's documented JSON. */
class TermiiClientTest {

    /** Long enough for a loaded machine's answer; a stall outlasts it, so a stalled request times out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final String KEY = "TLstandInKey0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ";
    private static final String ADA = "+2348031234567";

    private final TermiiStandIn termii = new TermiiStandIn(KEY);
    private final TermiiClient client = new TermiiClient(settings(termii.baseUrl(), KEY));

    private static TermiiSettings settings(String baseUrl, String key) {
        return TermiiSettings.of(baseUrl, key, "Gigstream").withTimeouts(Duration.ofSeconds(2), REQUEST_TIMEOUT);
    }

    @AfterEach
    void stop() {
        termii.close();
    }

    @Test
    void aTextIsSentOnTheDndRouteWithTheNumberInTermiisFormatAndAnswersItsMessageId() {
        SmsResult result = client.send(ADA, "Your Gigstream code is 482913");

        assertThat(result).isInstanceOf(Sent.class);
        assertThat(termii.sent()).singleElement().satisfies(text -> {
            assertThat(((Sent) result).messageId()).isEqualTo(text.messageId()).isNotBlank();
            assertThat(text.to()).isEqualTo("2348031234567");
            assertThat(text.from()).isEqualTo("Gigstream");
            assertThat(text.sms()).isEqualTo("Your Gigstream code is 482913");
            assertThat(text.channel()).isEqualTo("dnd");
            assertThat(text.type()).isEqualTo("plain");
        });
        assertThat(TermiiClient.JSON.readTree(termii.requestBodies().get(0))).isEqualTo(TermiiClient.JSON.readTree("""
                {"api_key": "%s", "to": "2348031234567", "from": "Gigstream",
                 "sms": "Your Gigstream code is 482913", "type": "plain", "channel": "dnd"}""".formatted(KEY)));
    }

    @Test
    void theGenericRouteIsUsedWhenConfigured() {
        TermiiClient generic = new TermiiClient(settings(termii.baseUrl(), KEY).withChannel(TermiiSettings.GENERIC));

        assertThat(generic.send("+233241234567", "Hello")).isInstanceOf(Sent.class);

        assertThat(termii.sent()).singleElement().satisfies(text -> {
            assertThat(text.to()).isEqualTo("233241234567");
            assertThat(text.channel()).isEqualTo("generic");
        });
    }

    @Test
    void overloadedOrRefusingToTalkIsRetryLaterWithOneAttempt() {
        termii.failNext(1, 503);
        assertThat(client.send(ADA, "one")).isInstanceOfSatisfying(RetryLater.class, later -> {
            assertThat(later.reason()).contains("503");
            assertThat(later.retryAfter()).isEmpty();
        });

        termii.failNext(1, 429, Duration.ofSeconds(30));
        assertThat(client.send(ADA, "two")).isInstanceOfSatisfying(RetryLater.class, later -> {
            assertThat(later.reason()).contains("429");
            assertThat(later.retryAfter()).contains(Duration.ofSeconds(30));
        });

        assertThat(termii.requestBodies()).hasSize(2);
        assertThat(termii.sent()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsRetryLaterUntilItIsUp() {
        termii.down();
        assertThat(client.send(ADA, "hello")).isInstanceOf(RetryLater.class);

        termii.up();
        assertThat(client.send(ADA, "hello")).isInstanceOf(Sent.class);
        assertThat(termii.sent()).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetryLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TermiiClient nowhere = new TermiiClient(settings("http://127.0.0.1:" + closedPort, KEY));

        assertThat(nowhere.send(ADA, "hello")).isInstanceOfSatisfying(RetryLater.class,
                later -> assertThat(later.retryAfter()).isEmpty());
    }

    @Test
    void noAnswerInTimeAfterTheRequestWentOutIsUnknownNotRetryLater() {
        termii.stallNext(REQUEST_TIMEOUT.plusSeconds(1));

        assertThat(client.send(ADA, "hello")).isInstanceOfSatisfying(Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("may have been sent"));
        // Termii took the text all the same: sending it again would text Ada twice
        assertThat(termii.sent()).hasSize(1);
    }

    @Test
    void aNumberTermiiRefusesIsRejectedWithItsMessage() {
        termii.reject(ADA, "Invalid phone number");

        assertThat(client.send(ADA, "hello")).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("400").contains("Invalid phone number"));
        assertThat(termii.sent()).isEmpty();
    }

    @Test
    void aWrongKeyIsRejected() {
        TermiiClient wrongKey = new TermiiClient(settings(termii.baseUrl(), "TLwrongKey"));

        assertThat(wrongKey.send(ADA, "hello")).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("401"));
    }

    @Test
    void aSuccessWithoutAMessageIdIsUnknown() {
        termii.failNext(1, 200);

        assertThat(client.send(ADA, "hello")).isInstanceOf(Unknown.class);
    }

    @Test
    void theKeyIsInNoSettingsTextReasonOrLogLine() {
        Logger logger = (Logger) LoggerFactory.getLogger(TermiiClient.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            termii.reject(ADA, "Invalid api_key " + KEY);
            termii.failNext(1, 503);
            SmsResult overloaded = client.send(ADA, "hello");
            SmsResult rejected = client.send(ADA, "hello");

            assertThat(settings(termii.baseUrl(), KEY).toString()).doesNotContain(KEY).contains("***");
            assertThat(overloaded.toString()).doesNotContain(KEY);
            assertThat(rejected).isInstanceOf(Rejected.class);
            assertThat(rejected.toString()).doesNotContain(KEY).contains("***");
            assertThat(lines.list).isNotEmpty()
                    .allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain(KEY));
        } finally {
            logger.detachAppender(lines);
        }
    }

    @Test
    void aNumberNotInE164OrABlankTextIsRefusedBeforeAnythingIsSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> client.send("08031234567", "hello"));
        assertThatIllegalArgumentException().isThrownBy(() -> client.send(ADA, " "));

        assertThat(termii.requestBodies()).isEmpty();
    }

    @Test
    void settingsRefuseAMissingKeyOrSenderAndAnUnknownChannel() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> TermiiSettings.of(TermiiSettings.TERMII_NG, " ", "Gigstream"));
        assertThatIllegalArgumentException().isThrownBy(() -> TermiiSettings.of(TermiiSettings.TERMII_NG, KEY, ""));
        assertThatIllegalArgumentException().isThrownBy(
                () -> TermiiSettings.of(TermiiSettings.TERMII_NG, KEY, "Gigstream").withChannel("whatsapp"));
        assertThat(TermiiSettings.of(TermiiSettings.TERMII_NG, KEY, "Gigstream").baseUrl())
                .hasToString("https://api.ng.termii.com/");
        assertThat(TermiiSettings.of(TermiiSettings.TERMII_NG, KEY, "Gigstream").channel()).isEqualTo("dnd");
    }
}
