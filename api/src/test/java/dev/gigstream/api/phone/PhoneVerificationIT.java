package dev.gigstream.api.phone;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.MovableTime;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.sms.TermiiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.gigstream.api.testsupport.MovableTime.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifying a phone number over HTTP with verification optional (the default): codes sent, confirmed, refused
 * (wrong, expired, tries spent, none pending, malformed), resends limited, the number changed, and the ranked
 * applicants showing it. Time is moved, not waited for.
 */
@PostgresIT
@Import(MovableTime.class)
@TestPropertySource(properties = {
        "gigstream.reach.sms-provider=termii",
        "gigstream.termii.api-key=" + Phones.TERMII_KEY,
        "gigstream.termii.secret-key=phone-tests-secret"})
class PhoneVerificationIT {

    static final String START = "/api/v1/me/phone/verification";
    static final String CONFIRM = "/api/v1/me/phone/verification/confirm";

    @Autowired
    Api api;

    static final TermiiStandIn TERMII = new TermiiStandIn(Phones.TERMII_KEY);

    @DynamicPropertySource
    static void termii(DynamicPropertyRegistry registry) {
        registry.add("gigstream.termii.base-url", TERMII::baseUrl);
    }

    @AfterAll
    static void closeTermii() {
        TERMII.close();
    }

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    @Test
    void aCodeSentByTextVerifiesTheNumberAndTheApplicantsShowIt() {
        var market = new Marketplace(api);
        var worker = market.worker(); // optional: a payout account without a verified phone
        String phone = newNumber(worker);
        var client = api.signUp("CLIENT");
        String jobId = market.jobStartingIn(client, Duration.ofHours(3));
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
        assertThat(me(worker).get("phoneVerified").asBoolean()).isFalse();

        api.post(START, null, worker.accessToken()).expect(202);

        var texts = Phones.textsTo(api, TERMII, worker);
        assertThat(texts).hasSize(1);
        assertThat("+" + texts.get(0).to()).isEqualTo(phone);
        assertThat(texts.get(0).sms()).matches("Your Gigstream code is [0-9]{6}\\. It expires in 10 minutes\\.");
        assertThat(storedHashes(worker)).as("only a hash is kept").doesNotContain(codeSentTo(worker));
        api.post(CONFIRM, Map.of("code", codeSentTo(worker)), worker.accessToken()).expect(204);

        var me = me(worker);
        assertThat(me.get("phone").asText()).isEqualTo(phone);
        assertThat(me.get("phoneVerified").asBoolean()).isTrue();
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(),
                applicants -> applicants.get("items").get(0).get("phoneVerified").asBoolean());
        assertThat(problem(api.post(START, null, worker.accessToken()), 409)).isEqualTo("PHONE_ALREADY_VERIFIED");

        var same = api.put("/api/v1/me/phone", Map.of("phone", phone), worker.accessToken()).expect(200).json();
        assertThat(same.get("verified").asBoolean()).as("the same number changes nothing").isTrue();
        var changed = api.put("/api/v1/me/phone", Map.of("phone", "+233201234567"), worker.accessToken()).expect(200).json();
        assertThat(changed.get("phone").asText()).isEqualTo("+233201234567");
        assertThat(changed.get("verified").asBoolean()).isFalse();
        assertThat(me(worker).get("phoneVerified").asBoolean()).isFalse();
        market.awaitJson("/api/v1/jobs/" + jobId + "/applicants", client.accessToken(),
                applicants -> !applicants.get("items").get(0).get("phoneVerified").asBoolean());
    }

    @Test
    void wrongCodesCountAndTheFifthSpendsTheCode() {
        var user = api.signUp("WORKER");
        newNumber(user);
        api.post(START, null, user.accessToken()).expect(202);
        String wrong = otherThan(codeSentTo(user));

        for (int left = 4; left >= 1; left--) {
            var refused = api.post(CONFIRM, Map.of("code", wrong), user.accessToken());
            assertThat(problem(refused, 400)).isEqualTo("VERIFICATION_CODE_WRONG");
            assertThat(refused.json().get("detail").asText()).contains(left + (left == 1 ? " try is" : " tries are") + " left");
        }
        assertThat(problem(api.post(CONFIRM, Map.of("code", wrong), user.accessToken()), 429))
                .isEqualTo("VERIFICATION_TRIES_EXHAUSTED");
        assertThat(problem(api.post(CONFIRM, Map.of("code", codeSentTo(user)), user.accessToken()), 429))
                .as("even the right code, once the tries are spent").isEqualTo("VERIFICATION_TRIES_EXHAUSTED");
        assertThat(me(user).get("phoneVerified").asBoolean()).isFalse();

        CLOCK.moveBy(Duration.ofSeconds(60));
        api.post(START, null, user.accessToken()).expect(202);
        api.post(CONFIRM, Map.of("code", codeSentTo(user)), user.accessToken()).expect(204);
    }

    @Test
    void concurrentWrongCodesCannotTryMoreThanFiveTimes() throws Exception {
        var user = api.signUp("CLIENT");
        newNumber(user);
        api.post(START, null, user.accessToken()).expect(202);
        String wrong = otherThan(codeSentTo(user));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                tries.add(() -> api.post(CONFIRM, Map.of("code", wrong), user.accessToken()).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(tries)) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == 400).as("wrong, tries left").hasSize(4);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(8);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT tries FROM phone_verification_code WHERE account_id = :id").param("id", user.id())
                .query(Integer.class).single()).isEqualTo(5);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        var user = api.signUp("WORKER");
        newNumber(user);
        api.post(START, null, user.accessToken()).expect(202);

        CLOCK.moveBy(Duration.ofMinutes(10));

        assertThat(problem(api.post(CONFIRM, Map.of("code", codeSentTo(user)), user.accessToken()), 410))
                .isEqualTo("VERIFICATION_CODE_EXPIRED");
        assertThat(me(user).get("phoneVerified").asBoolean()).isFalse();
    }

    @Test
    void withoutACodeOrWithAMalformedOneNothingHappens() {
        var user = api.signUp("CLIENT");
        newNumber(user);
        assertThat(problem(api.post(CONFIRM, Map.of("code", "123456"), user.accessToken()), 409))
                .isEqualTo("VERIFICATION_NOT_STARTED");
        api.post(START, null, user.accessToken()).expect(202);
        for (Object malformed : List.of("12345", "1234567", "abcdef", " 123456", 123456)) {
            assertThat(problem(api.post(CONFIRM, Map.of("code", malformed), user.accessToken()), 400))
                    .as("%s", malformed).isEqualTo("INVALID_REQUEST");
        }
        assertThat(problem(api.post(CONFIRM, Map.of(), user.accessToken()), 400)).isEqualTo("INVALID_REQUEST");
        assertThat(problem(api.put("/api/v1/me/phone", Map.of("phone", "0801-234"), user.accessToken()), 400))
                .isEqualTo("INVALID_REQUEST");
        assertThat(jdbc.sql("SELECT tries FROM phone_verification_code WHERE account_id = :id").param("id", user.id())
                .query(Integer.class).single()).as("a malformed code is no try").isZero();
        api.post(CONFIRM, Map.of("code", codeSentTo(user)), user.accessToken()).expect(204);
        assertThat(me(user).get("phoneVerified").asBoolean()).as("a client verifies too").isTrue();
    }

    @Test
    void resendsWaitAMinuteAndANumberGetsFiveCodesADay() {
        var user = api.signUp("WORKER");
        String phone = newNumber(user);
        api.post(START, null, user.accessToken()).expect(202);
        String first = codeSentTo(user);

        var tooSoon = api.post(START, null, user.accessToken());
        assertThat(problem(tooSoon, 429)).isEqualTo("VERIFICATION_RESEND_TOO_SOON");
        assertThat(Long.parseLong(tooSoon.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(Phones.textsTo(api, TERMII, user)).hasSize(1);

        for (int sent = 2; sent <= 5; sent++) {
            CLOCK.moveBy(Duration.ofSeconds(60));
            api.post(START, null, user.accessToken()).expect(202);
        }
        assertThat(Phones.textsTo(api, TERMII, user)).hasSize(5);
        if (!first.equals(codeSentTo(user))) {
            assertThat(problem(api.post(CONFIRM, Map.of("code", first), user.accessToken()), 400))
                    .as("a new code replaces the one before").isEqualTo("VERIFICATION_CODE_WRONG");
        }
        CLOCK.moveBy(Duration.ofSeconds(60));
        var exhausted = api.post(START, null, user.accessToken());
        assertThat(problem(exhausted, 429)).isEqualTo("VERIFICATION_SENDS_EXHAUSTED");
        assertThat(Long.parseLong(exhausted.header("Retry-After"))).isBetween(Duration.ofHours(23).toSeconds(),
                Duration.ofDays(1).toSeconds());
        var another = api.signUp("CLIENT");
        api.put("/api/v1/me/phone", Map.of("phone", phone), another.accessToken()).expect(200);
        assertThat(problem(api.post(START, null, another.accessToken()), 429))
                .as("the day's codes count per number").isEqualTo("VERIFICATION_SENDS_EXHAUSTED");

        CLOCK.moveBy(Duration.ofDays(1));
        api.post(START, null, user.accessToken()).expect(202);
        assertThat(Phones.textsTo(api, TERMII, user)).hasSize(6);
    }

    @Test
    void changingTheNumberDropsThePendingCode() {
        var user = api.signUp("WORKER");
        newNumber(user);
        api.post(START, null, user.accessToken()).expect(202);
        String code = codeSentTo(user);
        newNumber(user);
        assertThat(problem(api.post(CONFIRM, Map.of("code", code), user.accessToken()), 409))
                .as("the code went to the number before").isEqualTo("VERIFICATION_NOT_STARTED");
    }

    @Test
    void anAnonymousCallerIsRefused() {
        assertThat(problem(api.post(START, null, null), 401)).isEqualTo("UNAUTHENTICATED");
        assertThat(problem(api.post(CONFIRM, Map.of("code", "123456"), null), 401)).isEqualTo("UNAUTHENTICATED");
        assertThat(problem(api.put("/api/v1/me/phone", Map.of("phone", "+2348011111111"), null), 401))
                .isEqualTo("UNAUTHENTICATED");
    }

    private String codeSentTo(Api.User user) {
        return Phones.codeSentTo(api, TERMII, user);
    }

    /** Gives the user a number of their own: every test account signs up with the same one, and codes count per number. */
    private String newNumber(Api.User user) {
        return Phones.newNumber(api, user);
    }

    private List<String> storedHashes(Api.User user) {
        return jdbc.sql("SELECT code_hash FROM phone_verification_code WHERE account_id = :id").param("id", user.id())
                .query(String.class).list();
    }

    private JsonNode me(Api.User user) {
        return api.get("/api/v1/me", user.accessToken()).expect(200).json();
    }

    static String problem(Api.Response response, int status) {
        response.expect(status);
        assertThat(response.isProblem()).as("application/problem+json").isTrue();
        return response.json().get("code").asText();
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
