package dev.gigstream.api.phone;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.sms.TermiiStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static dev.gigstream.api.phone.PhoneVerificationIT.CONFIRM;
import static dev.gigstream.api.phone.PhoneVerificationIT.START;
import static dev.gigstream.api.phone.PhoneVerificationIT.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code GIGSTREAM_PHONE_VERIFICATION=required}, a worker without a verified phone number can neither apply
 * nor add or change a payout account, and nothing is done; once verified, both work. (With the default, optional,
 * {@link PhoneVerificationIT} applies and sets a payout account unverified.)
 */
@PostgresIT
@TestPropertySource(properties = {
        "gigstream.phone.verification=required",
        "gigstream.reach.sms-provider=termii",
        "gigstream.termii.api-key=" + Phones.TERMII_KEY,
        "gigstream.termii.secret-key=phone-tests-secret"})
class PhoneVerificationRequiredIT {

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

    @Test
    void aWorkerWithoutAVerifiedPhoneCannotApplyNorAddAPayoutAccountUntilVerified() {
        var market = new Marketplace(api);
        String own = accountNumber();
        var worker = api.signUp("WORKER");
        Phones.newNumber(api, worker);
        api.put("/api/v1/workers/me/profile", profile(null), worker.accessToken()).expect(200);
        String jobId = market.jobStartingIn(api.signUp("CLIENT"), Duration.ofHours(3));

        var apply = api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken());
        assertThat(problem(apply, 409)).isEqualTo("PHONE_NOT_VERIFIED");
        assertThat(apply.json().get("detail").asText()).contains("/api/v1/me/phone/verification");
        assertThat(problem(api.put("/api/v1/workers/me/profile", profile(payout(own)), worker.accessToken()), 409))
                .isEqualTo("PHONE_NOT_VERIFIED");

        api.post(START, null, worker.accessToken()).expect(202);
        api.post(CONFIRM, Map.of("code", Phones.codeSentTo(api, TERMII, worker)), worker.accessToken()).expect(204);

        api.put("/api/v1/workers/me/profile", profile(payout(own)), worker.accessToken()).expect(200);
        // 201, not ALREADY_APPLIED: the refused application changed nothing
        api.post("/api/v1/jobs/" + jobId + "/applications", null, worker.accessToken()).expect(201);
    }

    @Test
    void aNewNumberNeedsVerifyingBeforeAnotherPayoutAccountButTheSameOneMaySendItAgain() {
        String own = accountNumber();
        String other = accountNumber();
        var worker = api.signUp("WORKER");
        Phones.newNumber(api, worker);
        api.post(START, null, worker.accessToken()).expect(202);
        api.post(CONFIRM, Map.of("code", Phones.codeSentTo(api, TERMII, worker)), worker.accessToken()).expect(204);
        api.put("/api/v1/workers/me/profile", profile(payout(own)), worker.accessToken()).expect(200);

        Phones.newNumber(api, worker);

        assertThat(problem(api.put("/api/v1/workers/me/profile", profile(payout(other)), worker.accessToken()), 409))
                .isEqualTo("PHONE_NOT_VERIFIED");
        // the profile sent again with the payout account it has (once the read model shows it) adds nothing
        await().atMost(Duration.ofSeconds(15)).until(() -> api.put("/api/v1/workers/me/profile",
                profile(payout(own)), worker.accessToken()).status() == 200);
    }

    static Map<String, Object> profile(Map<String, String> payout) {
        var profile = new java.util.LinkedHashMap<String, Object>(Map.of("skills", List.of("barista"), "home", Marketplace.SITE,
                "availability", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                        .stream().map(day -> Map.of("dayOfWeek", day, "from", "00:00", "to", "24:00")).toList()));
        if (payout != null) {
            profile.put("payout", payout);
        }
        return profile;
    }

    private static String accountNumber() {
        return String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
    }

    private static Map<String, String> payout(String accountNumber) {
        return Map.of("bankCode", "058", "accountNumber", accountNumber, "accountName", "Ada Obi");
    }
}
