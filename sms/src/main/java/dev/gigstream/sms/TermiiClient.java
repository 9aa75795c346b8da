package dev.gigstream.sms;

import dev.gigstream.sms.SmsResult.Rejected;
import dev.gigstream.sms.SmsResult.RetryLater;
import dev.gigstream.sms.SmsResult.Sent;
import dev.gigstream.sms.SmsResult.Unknown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed client of Termii's Messaging API, one text to one number:
 * <pre>
 * POST {baseUrl}/api/sms/send   Content-Type: application/json
 * {"api_key": "…", "to": "2348031234567", "from": "Gigstream", "sms": "…", "type": "plain", "channel": "dnd"}
 *
 * 200 {"message_id": "9122821270554876574", "message": "Successfully Sent", "balance": 9, "user": "Peter Mcleish"}
 * 4xx {"code": 404, "message": "ApplicationSenderId not found for applicationId: … and senderName: …"}
 * </pre>
 * ({@code to} is the international digits without '+'; errors carry a {@code message}, sometimes a
 * {@code code}.) Each call is ONE attempt with a connect timeout and a request timeout: the caller
 * reschedules, because only it knows how long a text is still worth sending. The outcome sorts by
 * whether the text may have gone out: a refused or timed-out connection, 5xx and 429 sent nothing
 * ({@link RetryLater}); a timeout or a lost connection after the request was written, or a 2xx
 * without a message id, may have ({@link Unknown}: resending risks a paid duplicate); any other 4xx
 * is final ({@link Rejected}). The key travels only in the request body and never appears in a log
 * line or a reason.
 */
public final class TermiiClient {

    private static final Logger log = LoggerFactory.getLogger(TermiiClient.class);

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The endpoint under {@link TermiiSettings#baseUrl()}. */
    static final String PATH = "api/sms/send";

    private final TermiiSettings settings;
    private final HttpClient http;

    public TermiiClient(TermiiSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
    }

    /**
     * Asks Termii once to text {@code text} to {@code toE164} from the configured sender id on the
     * configured channel.
     *
     * @throws IllegalArgumentException when {@code toE164} is not in E.164 or {@code text} is blank;
     *         nothing is sent
     */
    public SmsResult send(String toE164, String text) {
        String to = PhoneNumbers.termiiFormat(toE164);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a blank text is not sent");
        }
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve(PATH))
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(to, text)))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return logged(new RetryLater(withoutKey("Termii could not be reached (" + e + ")"), Optional.empty()));
        } catch (HttpTimeoutException e) {
            return logged(new Unknown("Termii did not answer within " + settings.requestTimeout()
                    + "; the text may have been sent"));
        } catch (IOException e) {
            return logged(new Unknown(
                    withoutKey("the connection to Termii failed after the request was sent (" + e + ")")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return logged(new Unknown("interrupted while waiting for Termii; the text may have been sent"));
        }
        return outcome(response);
    }

    private byte[] body(String to, String text) {
        ObjectNode body = JSON.createObjectNode();
        body.put("api_key", settings.apiKey());
        body.put("to", to);
        body.put("from", settings.senderId());
        body.put("sms", text);
        body.put("type", "plain");
        body.put("channel", settings.channel());
        return JSON.writeValueAsBytes(body);
    }

    private SmsResult outcome(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        String said = answer.path("message").isValueNode() ? ": " + answer.path("message").asText() : "";
        String reason = withoutKey("Termii answered HTTP " + status + said);
        if (status / 100 == 2) {
            JsonNode id = answer.path("message_id");
            if (id.isValueNode() && !id.asText().isBlank()) {
                return new Sent(id.asText());
            }
            return logged(new Unknown(reason + " without a message_id; the text may have been sent"));
        }
        // 408: the server gave up waiting for the request itself, so it was never acted on
        if (status == 429 || status == 408 || status >= 500) {
            return logged(new RetryLater(reason, retryAfter(response)));
        }
        if (status / 100 == 4) {
            return logged(new Rejected(reason));
        }
        return logged(new Unknown(reason));
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return JSON.missingNode();
        }
    }

    /** Retry-After in seconds; an HTTP date or anything else is ignored, the caller's own schedule then applies. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("[0-9]{1,9}"))
                .map(seconds -> Duration.ofSeconds(Long.parseLong(seconds)));
    }

    private static SmsResult logged(SmsResult result) {
        log.warn("Termii send: {}", result);
        return result;
    }

    /** Termii may echo what it was sent; the key is cut out of every reason before it is logged or returned. */
    private String withoutKey(String text) {
        return text.replace(settings.apiKey(), "***");
    }
}
