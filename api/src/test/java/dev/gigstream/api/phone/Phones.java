package dev.gigstream.api.phone;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.SentTexts;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Phone numbers for the phone verification's tests. */
final class Phones {

    private Phones() {
    }

    /** The code last sent to the user, as the SMS provider took it ({@link SentTexts}). */
    static String codeSentTo(SentTexts texts, Api.User user) {
        String text = texts.last(user.id()).orElseThrow(() -> new AssertionError("no text sent to " + user.id())).text();
        return text.replaceAll("\\D*([0-9]{6}).*", "$1");
    }

    /** Gives the user a number of their own (every test account signs up with the same one, and codes count per number). */
    static String newNumber(Api api, Api.User user) {
        String phone = "+234803" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        api.put("/api/v1/me/phone", Map.of("phone", phone), user.accessToken()).expect(200);
        return phone;
    }
}
