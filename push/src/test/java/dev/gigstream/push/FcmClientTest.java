package dev.gigstream.push;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gigstream.push.PushResult.DeviceGone;
import dev.gigstream.push.PushResult.Rejected;
import dev.gigstream.push.PushResult.RetryLater;
import dev.gigstream.push.PushResult.Sent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The client against a local server speaking FCM HTTP v1's JSON and Google's OAuth2 token endpoint. */
class FcmClientTest {

    /** Long enough for a loaded machine's answer; a stall outlasts it, so a stalled request times out. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration STALL = REQUEST_TIMEOUT.plusSeconds(1);
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String DEVICE = "fMxq3Jd0R0y6b9VQ:APA91bH-standin-device-token_0123456789";

    private final FcmStandIn fcm = new FcmStandIn();
    private final FcmClient client = client(fcm.serviceAccountJson());

    private FcmClient client(String serviceAccountJson) {
        return new FcmClient(settings(serviceAccountJson), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private FcmSettings settings(String serviceAccountJson) {
        return FcmSettings.of(fcm.baseUrl(), serviceAccountJson).withTimeouts(Duration.ofSeconds(2), REQUEST_TIMEOUT);
    }

    private static PushMessage shiftOffer(String token) {
        return new PushMessage(token, "New shift nearby", "Waiter, Lekki Phase 1, Sat 18:00",
                Map.of("jobId", "job-42", "kind", "OFFER"), Duration.ofMinutes(10), true);
    }

    @AfterEach
    void stop() {
        fcm.close();
    }

    @Test
    void aMessageIsSentAsFcmV1ExpectsItAndAnswersItsName() {
        PushResult result = client.send(shiftOffer(DEVICE));

        assertThat(result).isInstanceOfSatisfying(Sent.class, sent ->
                assertThat(sent.messageId()).startsWith("projects/" + FcmStandIn.PROJECT_ID + "/messages/"));
        ObjectNode expected = FcmClient.JSON.readValue("""
                {"message":{"token":"%s",
                  "notification":{"title":"New shift nearby","body":"Waiter, Lekki Phase 1, Sat 18:00"},
                  "data":{"jobId":"job-42","kind":"OFFER"},
                  "android":{"priority":"HIGH","ttl":"600s"},
                  "apns":{"headers":{"apns-priority":"10","apns-expiration":"%d"}}}}
                """.formatted(DEVICE, NOW.getEpochSecond() + 600), ObjectNode.class);
        assertThat(fcm.sent()).singleElement().satisfies(message -> {
            assertThat(message.json()).isEqualTo(expected);
            assertThat(message.token()).isEqualTo(DEVICE);
            assertThat(message.data()).containsExactlyInAnyOrderEntriesOf(Map.of("jobId", "job-42", "kind", "OFFER"));
            assertThat(message.headers().get("authorization")).startsWith("Bearer ya29.standin-");
            assertThat(message.headers().get("content-type")).startsWith("application/json");
        });
    }

    @Test
    void aMessageThatMayWaitHasNormalPriorityAndAZeroLifespanMeansNowOrNever() {
        client.send(new PushMessage(DEVICE, "Your payout is on its way", null, null, Duration.ZERO, false));

        assertThat(fcm.sent()).singleElement().satisfies(message -> {
            assertThat(message.json().path("message").path("android").toString())
                    .isEqualTo("{\"priority\":\"NORMAL\",\"ttl\":\"0s\"}");
            assertThat(message.json().path("message").path("apns").toString())
                    .isEqualTo("{\"headers\":{\"apns-priority\":\"5\",\"apns-expiration\":\"0\"}}");
            assertThat(message.json().path("message").has("data")).isFalse();
            assertThat(message.title()).isEqualTo("Your payout is on its way");
            assertThat(message.body()).isNull();
        });
    }

    @Test
    void theAccessTokenIsFetchedOnceAndReusedForManySends() {
        for (int i = 0; i < 5; i++) {
            assertThat(client.send(shiftOffer(DEVICE + i))).isInstanceOf(Sent.class);
        }

        assertThat(fcm.tokenRequests()).isEqualTo(1);
        assertThat(fcm.sent()).extracting(m -> m.headers().get("authorization")).containsOnly(
                fcm.sent().get(0).headers().get("authorization"));
    }

    @Test
    void anAccessTokenAboutToExpireIsReplacedBeforeTheSend() {
        // a minute is within the margin Google's library keeps before a token's expiry: it counts as expired
        fcm.tokenLifetime(Duration.ofSeconds(60));

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);

        assertThat(fcm.tokenRequests()).isEqualTo(2);
        assertThat(fcm.sendRequests()).isEqualTo(2);
        assertThat(fcm.sent()).extracting(m -> m.headers().get("authorization")).doesNotHaveDuplicates();
    }

    @Test
    void aTokenFcmNoLongerAcceptsIsRefreshedOnceAndTheSendRepeated() {
        client.send(shiftOffer(DEVICE));
        fcm.revokeTokens();

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);

        assertThat(fcm.tokenRequests()).isEqualTo(2);
        assertThat(fcm.sendRequests()).isEqualTo(3);
        assertThat(fcm.sent()).hasSize(2);
    }

    @Test
    void a401AfterTheRefreshIsRejectedWithoutAThirdTry() {
        fcm.failNext(2, 401, "UNAUTHENTICATED", null);

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("401", "UNAUTHENTICATED"));

        assertThat(fcm.sendRequests()).isEqualTo(2);
        assertThat(fcm.tokenRequests()).isEqualTo(2);
    }

    @Test
    void apnsRefusingTheCertificateIsRejectedWithoutRefreshingGooglesToken() {
        fcm.failNext(1, 401, "THIRD_PARTY_AUTH_ERROR", null);

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("THIRD_PARTY_AUTH_ERROR"));
        assertThat(fcm.sendRequests()).isEqualTo(1);
        assertThat(fcm.tokenRequests()).isEqualTo(1);
    }

    @Test
    void anUnregisteredOrInvalidTokenMeansTheDeviceIsGone() {
        fcm.unregistered("uninstalled-app-token").invalid("not-a-registration-token");

        assertThat(client.send(shiftOffer("uninstalled-app-token"))).isEqualTo(new DeviceGone("UNREGISTERED"));
        assertThat(client.send(shiftOffer("not-a-registration-token"))).isEqualTo(new DeviceGone("INVALID_ARGUMENT"));
        assertThat(fcm.sent()).isEmpty();
    }

    @Test
    void anInvalidArgumentNotAboutTheTokenIsRejectedAndTheDeviceKept() {
        fcm.failNext(1, 400, "INVALID_ARGUMENT", null);

        assertThat(client.send(shiftOffer(DEVICE))).isEqualTo(
                new Rejected("FCM answered HTTP 400 INVALID_ARGUMENT: Request contains an invalid argument."));
    }

    @Test
    void anExceededQuotaIsRetriedLaterAfterFcmsRetryAfter() {
        fcm.failNext(1, 429, "QUOTA_EXCEEDED", Duration.ofSeconds(120));

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later -> {
            assertThat(later.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(later.reason()).contains("429", "QUOTA_EXCEEDED");
        });
        assertThat(fcm.sendRequests()).isEqualTo(1);
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);
    }

    @ParameterizedTest
    @CsvSource({"500, INTERNAL", "503, UNAVAILABLE", "502, ", "504, ", "408, "})
    void aServerErrorIsRetriedLaterAndNotAtOnce(int httpStatus, String errorCode) {
        fcm.failNext(1, httpStatus, errorCode, null);

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later -> {
            assertThat(later.retryAfter()).isEmpty();
            assertThat(later.reason()).contains(String.valueOf(httpStatus));
        });
        assertThat(fcm.sendRequests()).isEqualTo(1);
    }

    @Test
    void anUnavailableServiceWithRetryAfterSaysHowLongToWait() {
        fcm.failNext(1, 503, "UNAVAILABLE", Duration.ofSeconds(30));

        assertThat(client.send(shiftOffer(DEVICE))).isEqualTo(new RetryLater(
                "FCM answered HTTP 503 UNAVAILABLE: The service is currently unavailable.",
                Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void whenFcmAndTheTokenEndpointAreDownTheSendIsRetriedLater() {
        fcm.down();
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later ->
                assertThat(later.reason()).contains("token endpoint", "503"));

        fcm.up();
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);

        fcm.down();
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later ->
                assertThat(later.reason()).contains("FCM answered HTTP 503"));
    }

    @Test
    void aRefusedConnectionIsRetriedLater() {
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);
        fcm.close();

        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later ->
                assertThat(later.reason()).contains("could not be reached"));
        assertThat(client(fcm.serviceAccountJson()).send(shiftOffer(DEVICE)))
                .isInstanceOfSatisfying(RetryLater.class, later -> assertThat(later.reason()).contains("token endpoint"));
    }

    @Test
    void anAnswerThatDoesNotComeInTimeIsRetriedLater() {
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOf(Sent.class);
        fcm.stallNext(1, STALL);

        long started = System.nanoTime();
        assertThat(client.send(shiftOffer(DEVICE))).isInstanceOfSatisfying(RetryLater.class, later ->
                assertThat(later.reason()).contains("in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(STALL);
    }

    @Test
    void aSenderIdMismatchIsRejectedAndTheTokenKept() {
        fcm.failNext(1, 403, "SENDER_ID_MISMATCH", null);

        assertThat(client.send(shiftOffer(DEVICE))).isEqualTo(
                new Rejected("FCM answered HTTP 403 SENDER_ID_MISMATCH: SenderId mismatch"));
        assertThat(fcm.tokenRequests()).isEqualTo(1);
        assertThat(fcm.sendRequests()).isEqualTo(1);
    }

    @Test
    void aServiceAccountTheTokenEndpointDoesNotKnowIsRejected() {
        String foreign;
        try (FcmStandIn other = new FcmStandIn()) {
            foreign = other.serviceAccountJson().replace(other.tokenUri(), fcm.tokenUri());
        }

        assertThat(client(foreign).send(shiftOffer(DEVICE))).isInstanceOfSatisfying(Rejected.class, rejected ->
                assertThat(rejected.reason()).contains("token endpoint answered HTTP 400"));
        assertThat(fcm.sendRequests()).isZero();
    }

    @Test
    void theCredentialsNeverReachTextsOrLogs() {
        String json = fcm.serviceAccountJson();
        String privateKey = FcmClient.JSON.readTree(json).path("private_key").asString();
        String keyBody = privateKey.lines().skip(1).findFirst().orElseThrow();
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        var logger = (Logger) LoggerFactory.getLogger(FcmClient.class);
        logger.addAppender(appender);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        List<PushResult> results = new ArrayList<>();
        try {
            results.add(client.send(shiftOffer(DEVICE)));
            fcm.failNext(2, 401, "UNAUTHENTICATED", null);
            results.add(client.send(shiftOffer(DEVICE)));
            fcm.failNext(1, 429, "QUOTA_EXCEEDED", Duration.ofSeconds(5));
            results.add(client.send(shiftOffer(DEVICE)));
            fcm.stallNext(1, STALL);
            results.add(client.send(shiftOffer(DEVICE)));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
        String accessToken = fcm.sent().get(0).headers().get("authorization").substring("Bearer ".length());

        assertThat(settings(json).toString()).doesNotContain(keyBody, "private_key", fcm.tokenUri());
        assertThat(results).extracting(Object::toString).allSatisfy(text ->
                assertThat(text).doesNotContain(accessToken, keyBody));
        assertThat(appender.list).isNotEmpty().extracting(ILoggingEvent::getFormattedMessage).allSatisfy(line ->
                assertThat(line).doesNotContain(accessToken, keyBody, DEVICE));
        String broken = json.replace(keyBody, keyBody.substring(0, 20) + "!!" + keyBody.substring(22));
        assertThatIllegalArgumentException().isThrownBy(() -> client(broken))
                .satisfies(e -> assertThat(e.toString()).doesNotContain(keyBody.substring(22)))
                .withNoCause();
    }

    @Test
    void aServiceAccountWithoutProjectIsRefusedAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> client(fcm.serviceAccountJson()
                .replace("\"project_id\":\"" + FcmStandIn.PROJECT_ID + "\",", "")))
                .withMessageContaining("project_id");
        assertThatIllegalArgumentException().isThrownBy(() -> client("{not json")).withMessageContaining("not JSON");
    }

    @Test
    void aMessageFcmWouldRefuseIsRefusedBeforeSending() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PushMessage(DEVICE, "t", "b",
                Map.of("google.delivered", "x"), Duration.ZERO, false)).withMessageContaining("google.delivered");
        assertThatIllegalArgumentException().isThrownBy(() -> new PushMessage(DEVICE, "t", "b", Map.of(),
                Duration.ofDays(29), false));
        assertThatIllegalArgumentException().isThrownBy(() -> new PushMessage(" ", "t", "b", Map.of(),
                Duration.ZERO, false));
    }
}
