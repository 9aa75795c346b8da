package dev.gigstream.sms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Phone numbers in the shapes people type them, read with libphonenumber's numbering plans. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "+2348031234567; NG",
            "08031234567; NG",
            "0803 123 4567; NG",
            "0803-123-4567; NG",
            "  0803 123-4567 ; NG",
            "2348031234567; NG",
            "+234 (0) 803 123 4567; NG",
            "+234 803 123 4567; GH",
            "+2348031234567; ",
    })
    void aNigerianMobileInEveryShapeIsOneE164Number(String raw, String region) {
        assertThat(PhoneNumbers.e164(raw, region)).contains("+2348031234567");
        assertThat(PhoneNumbers.regionOf("+2348031234567")).isEqualTo("NG");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "+233241234567; GH",
            "0241234567; GH",
            "024 123 4567; GH",
            "024-123-4567; gh",
            "233241234567; GH",
            "+233 24 123 4567; NG",
    })
    void aGhanaianMobileInEveryShapeIsOneE164Number(String raw, String region) {
        assertThat(PhoneNumbers.e164(raw, region)).contains("+233241234567");
        assertThat(PhoneNumbers.regionOf("+233241234567")).isEqualTo("GH");
    }

    @Test
    void otherNetworksOfBothCountriesAreMobiles() {
        assertThat(PhoneNumbers.e164("07031234567", "NG")).contains("+2347031234567");
        assertThat(PhoneNumbers.e164("09031234567", "NG")).contains("+2349031234567");
        assertThat(PhoneNumbers.e164("0201234567", "GH")).contains("+233201234567");
        assertThat(PhoneNumbers.e164("0551234567", "GH")).contains("+233551234567");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // a Ghanaian local number read as Nigerian, and the other way round
            "0241234567; NG",
            "08031234567; GH",
            // a digit short, far too short, no digits at all, blank
            "0803123456; NG",
            "12; NG",
            "call me; NG",
            "' '; NG",
            // a local number with no region to read it in
            "08031234567; ",
    })
    void whatIsNoValidNumberIsEmpty(String raw, String region) {
        assertThat(PhoneNumbers.e164(raw, region)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            // landlines in Ibadan and Accra
            "02033123456; NG",
            "0302345678; GH",
            // toll-free
            "080017591759; NG",
            "080012345; GH",
    })
    void aNumberThatCannotReceiveATextIsNoTarget(String raw, String region) {
        assertThat(PhoneNumbers.e164(raw, region)).isEmpty();
    }

    @Test
    void mobilesOfOtherCountriesAreReadAndNamedByTheirCountry() {
        assertThat(PhoneNumbers.e164("07400 123456", "GB")).contains("+447400123456");
        assertThat(PhoneNumbers.e164("+44 7400 123456", "NG")).contains("+447400123456");
        assertThat(PhoneNumbers.regionOf("+447400123456")).isEqualTo("GB");
        assertThat(PhoneNumbers.e164("+254 712 123456", "NG")).contains("+254712123456");
        assertThat(PhoneNumbers.regionOf("+254712123456")).isEqualTo("KE");
        // the plan cannot tell a US mobile from a landline: it may receive texts
        assertThat(PhoneNumbers.e164("+1 201 555 0123", "NG")).contains("+12015550123");
    }

    @Test
    void termiiTakesTheInternationalDigitsWithoutThePlus() {
        assertThat(PhoneNumbers.termiiFormat("+2348031234567")).isEqualTo("2348031234567");
        assertThat(PhoneNumbers.termiiFormat("+233241234567")).isEqualTo("233241234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"08031234567", "2348031234567", "+234 803 123 4567", "+0123456789", ""})
    void onlyE164IsTakenWhereE164IsExpected(String notE164) {
        assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumbers.termiiFormat(notE164));
        assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumbers.regionOf(notE164));
    }
}
