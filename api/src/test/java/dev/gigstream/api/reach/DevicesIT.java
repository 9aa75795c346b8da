package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's devices and notification preferences through the API: a token registered once (and moved to
 * whoever registers it last), listed and removed only by its owner, refused with a code when malformed;
 * preferences read back as set, {@code {}} restoring the defaults, and refused with a code when they name
 * what does not exist.
 */
@PostgresIT
class DevicesIT {

    private static final String DEVICES = "/api/v1/me/devices";
    private static final String PREFERENCES = "/api/v1/me/notification-preferences";

    @Autowired
    Api api;

    @Test
    void aTokenIsRegisteredOnceListedToItsOwnerOnlyAndRemovedByItsOwnerOnly() {
        var worker = api.signUp("WORKER");
        var client = api.signUp("CLIENT");
        String token = fcmToken();

        JsonNode created = api.post(DEVICES, device("ANDROID", token), worker.accessToken()).expect(201).json();
        assertThat(created.get("platform").asText()).isEqualTo("ANDROID");
        assertThat(created.get("token").asText()).isEqualTo(token);
        assertThat(created.get("addedAt").asText()).isNotBlank();
        JsonNode again = api.post(DEVICES, device("ANDROID", token), worker.accessToken()).expect(200).json();
        assertThat(again).as("the same body as the first registration").isEqualTo(created);
        api.post(DEVICES, device("WEB", fcmToken()), client.accessToken()).expect(201);

        assertThat(tokens(worker.accessToken())).containsExactly(token);

        var refused = api.send("DELETE", DEVICES + "/" + token, null, client.accessToken(), Map.of()).expect(404);
        assertThat(code(refused)).isEqualTo("NOT_FOUND");
        assertThat(tokens(worker.accessToken())).as("another's device is never deleted").containsExactly(token);
        assertThat(code(api.send("DELETE", DEVICES + "/" + fcmToken(), null, worker.accessToken(), Map.of()).expect(404)))
                .isEqualTo("NOT_FOUND");

        api.send("DELETE", DEVICES + "/" + token, null, worker.accessToken(), Map.of()).expect(204);
        assertThat(tokens(worker.accessToken())).isEmpty();
        assertThat(tokens(client.accessToken())).hasSize(1);
    }

    @Test
    void aTokenRegisteredByAnotherAccountMovesToIt() {
        var first = api.signUp("WORKER");
        var second = api.signUp("CLIENT");
        String token = fcmToken();
        api.post(DEVICES, device("IOS", token), first.accessToken()).expect(201);

        api.post(DEVICES, device("IOS", token), second.accessToken()).expect(201);

        assertThat(tokens(first.accessToken())).isEmpty();
        assertThat(tokens(second.accessToken())).containsExactly(token);
    }

    @Test
    void aPersonKeepsTheTenNewestDevices() {
        var worker = api.signUp("WORKER");
        List<String> registered = new ArrayList<>();
        for (int i = 0; i <= Devices.PER_USER; i++) {
            String token = fcmToken();
            registered.add(0, token);
            api.post(DEVICES, device("ANDROID", token), worker.accessToken()).expect(201);
        }

        assertThat(tokens(worker.accessToken())).as("newest first, the oldest dropped")
                .containsExactlyElementsOf(registered.subList(0, Devices.PER_USER));
    }

    @Test
    void aLongTokenIsKeptAndAMalformedRegistrationIsRefusedWithItsCode() {
        var worker = api.signUp("WORKER");
        String longest = "a".repeat(4095) + UUID.randomUUID().toString().charAt(0);
        api.post(DEVICES, device("WEB", longest), worker.accessToken()).expect(201);

        for (Object body : List.of(device("ANDROID", ""), device("ANDROID", "   "), device("ANDROID", "b".repeat(4097)),
                device("ANDROID", "abc def"), device("ANDROID", "abc\u0001def"), device("ANDROID", "abc/def"),
                device("BLACKBERRY", fcmToken()), Map.of("token", fcmToken()))) {
            var answer = api.post(DEVICES, body, worker.accessToken()).expect(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(code(answer)).as("%s", body).isEqualTo("INVALID_REQUEST");
        }
        assertThat(tokens(worker.accessToken())).as("nothing changed").containsExactly(longest);
    }

    @Test
    void devicesAndPreferencesNeedASignedInCaller() {
        for (var answer : List.of(api.get(DEVICES, null), api.post(DEVICES, device("ANDROID", fcmToken()), null),
                api.send("DELETE", DEVICES + "/" + fcmToken(), null, null, Map.of()), api.get(PREFERENCES, null),
                api.put(PREFERENCES, Map.of(), null))) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(code(answer)).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void preferencesReadBackAsSetAndAnEmptyBodyRestoresTheDefaults() {
        var worker = api.signUp("WORKER");
        JsonNode defaults = api.get(PREFERENCES, worker.accessToken()).expect(200).json();
        assertThat(defaults.get("channels").isEmpty()).isTrue();
        assertThat(defaults.get("quietHours").isNull()).isTrue();

        Map<String, Object> body = Map.of(
                "channels", Map.of("job.match", List.of("SMS", "PUSH"), "rating.received", List.of()),
                "quietHours", Map.of("from", "22:00", "to", "07:00"));
        JsonNode stored = api.put(PREFERENCES, body, worker.accessToken()).expect(200).json();
        assertThat(stored.get("channels").get("job.match").toString()).isEqualTo("[\"PUSH\",\"SMS\"]");
        assertThat(stored.get("channels").get("rating.received").isEmpty()).isTrue();
        assertThat(stored.get("quietHours").get("from").asText()).isEqualTo("22:00");
        assertThat(stored.get("quietHours").get("to").asText()).isEqualTo("07:00");
        assertThat(stored.get("quietHours").get("zone").asText()).as("a +234 phone").isEqualTo("Africa/Lagos");
        assertThat(api.get(PREFERENCES, worker.accessToken()).expect(200).json()).isEqualTo(stored);

        api.put(PREFERENCES, Map.of("quietHours", Map.of("from", "23:30", "to", "06:00", "zone", "Africa/Accra")),
                worker.accessToken()).expect(200);
        JsonNode replaced = api.get(PREFERENCES, worker.accessToken()).expect(200).json();
        assertThat(replaced.get("channels").isEmpty()).as("every earlier choice replaced").isTrue();
        assertThat(replaced.get("quietHours").get("zone").asText()).isEqualTo("Africa/Accra");

        assertThat(api.put(PREFERENCES, Map.of(), worker.accessToken()).expect(200).json()).isEqualTo(defaults);
        assertThat(api.get(PREFERENCES, worker.accessToken()).expect(200).json()).isEqualTo(defaults);
    }

    @Test
    void quietHoursAreReadInGhanasZoneForAGhanaianPhone() {
        String email = "worker-" + UUID.randomUUID() + "@example.com";
        Map<String, Object> registration = new LinkedHashMap<>(Api.registration(email, "WORKER"));
        registration.put("phone", "+233201234567");
        var account = api.post("/api/v1/auth/register", registration, null).expect(201).json();
        var worker = api.logIn(email, Api.PASSWORD, account.get("userId").asText());

        JsonNode stored = api.put(PREFERENCES, Map.of("quietHours", Map.of("from", "21:00", "to", "06:00")),
                worker.accessToken()).expect(200).json();

        assertThat(stored.get("quietHours").get("zone").asText()).isEqualTo("Africa/Accra");
    }

    @Test
    void preferencesNamingWhatDoesNotExistAreRefusedWithTheirCodeAndChangeNothing() {
        var worker = api.signUp("WORKER");
        Map<String, Object> kept = Map.of("channels", Map.of("worker.hired", List.of("PUSH")));
        JsonNode stored = api.put(PREFERENCES, kept, worker.accessToken()).expect(200).json();

        for (Object body : List.of(
                Map.of("channels", Map.of("job.teleported", List.of("PUSH"))),
                Map.of("channels", Map.of("job.match", List.of("EMAIL"))),
                Map.of("channels", Map.of("job.match", "PUSH")),
                Map.of("quietHours", Map.of("from", "25:00", "to", "07:00")),
                Map.of("quietHours", Map.of("from", "10pm", "to", "07:00")),
                Map.of("quietHours", Map.of("from", "22:00")),
                Map.of("quietHours", Map.of("from", "22:00", "to", "07:00", "zone", "Mars/Olympus_Mons")))) {
            var answer = api.put(PREFERENCES, body, worker.accessToken()).expect(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(code(answer)).as("%s", body).isEqualTo("INVALID_REQUEST");
        }
        assertThat(api.get(PREFERENCES, worker.accessToken()).expect(200).json()).isEqualTo(stored);
    }

    private List<String> tokens(String accessToken) {
        return api.get(DEVICES, accessToken).expect(200).json().get("items").findValuesAsString("token");
    }

    private static Map<String, Object> device(String platform, String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platform", platform);
        body.put("token", token);
        return body;
    }

    /** Shaped as FCM's: an install id, a colon, then base64url. */
    private static String fcmToken() {
        return "f" + UUID.randomUUID().toString().substring(0, 10) + ":APA91b-" + UUID.randomUUID().toString().replace("-", "_");
    }

    private static String code(Api.Response answer) {
        return answer.json().path("code").asText();
    }
}
