package dev.gigstream.api.phone;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.sms.TermiiStandIn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Phone numbers for the phone verification's tests. */
final class Phones {

    private Phones() {
    }

    /** The key the tests' Termii stand-in expects. */
    static final String TERMII_KEY = "termii-phone-tests";

    /** The texts Termii (its stand-in) took for the user's current number, oldest first. */
    static List<TermiiStandIn.SentText> textsTo(Api api, TermiiStandIn termii, Api.User user) {
        String phone = api.get("/api/v1/me", user.accessToken()).expect(200).json().get("phone").asText();
        return termii.sent().stream().filter(text -> ("+" + text.to()).equals(phone)).toList();
    }

    /** The code in the last text Termii took for the user's current number. */
    static String codeSentTo(Api api, TermiiStandIn termii, Api.User user) {
        List<TermiiStandIn.SentText> texts = textsTo(api, termii, user);
        if (texts.isEmpty()) {
            throw new AssertionError("no text sent to " + user.id());
        }
        return texts.get(texts.size() - 1).sms().replaceAll("\\D*([0-9]{6}).*", "$1");
    }

    /** Gives the user a number of their own (every test account signs up with the same one, and codes count per number). */
    static String newNumber(Api api, Api.User user) {
        String phone = "+234803" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        api.put("/api/v1/me/phone", Map.of("phone", phone), user.accessToken()).expect(200);
        return phone;
    }
}
