package dev.gigstream.policies.compliance;

import dev.gigstream.policies.compliance.ContactDetailsPolicy.Finding;
import dev.gigstream.policies.compliance.ContactDetailsPolicy.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Contact and payment details that take a deal off the platform, and the numbers that are none of them. */
class ContactDetailsPolicyTest {

    private final ContactDetailsPolicy policy = new ContactDetailsPolicy();

    private List<Kind> kinds(String text) {
        return policy.findings(text).stream().map(Finding::kind).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "call me on +234 803 123 4567",
            "call me on 0803 123 4567",
            "08031234567",
            "+2348031234567",
            "234-803-123-4567",
            "(0803) 123-4567",
            "+234 (0) 803 123 4567",
            "0907.123.4567 after 6pm",
            "text 0810 000 1111",
            "+233 24 123 4567",
            "024 123 4567",
            "0551234567",
            "Accra office 030 212 3456"})
    void nigerianAndGhanaianPhoneNumbersAreFoundInAnyGrouping(String text) {
        assertThat(kinds(text)).containsExactly(Kind.PHONE_NUMBER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Pay ₦15,000 for the shift",
            "NGN 1500000 (15,000 naira)",
            "Budget 1 500 000 kobo, GHS 250.00",
            "Shift 08:00-16:00 on 2026-12-01",
            "Start 01/12/2026, end 02.12.2026 at 8.30am",
            "Start 2026-12-01 0800, end 1600",
            "Lagos 100001, Ikeja 101233",
            "GhanaPost GPS GA-183-8164",
            "Two staff, 3 hours, 10 tables, 250 guests",
            "Order ref 2026120108 and invoice 12345678901",
            "Team of 0 to 5 people, 15 minute break",
            "Account for 10 hours of work and 2 breaks of 15 minutes",
            "Call me when you arrive at the gate",
            "We pay through Gigstream as usual"})
    void amountsDatesTimesPostcodesAndPlainWordsAreNot(String text) {
        assertThat(policy.findings(text)).isEmpty();
    }

    @Test
    void tenDigitAccountNumbersNearABankWordAreFound() {
        assertThat(kinds("Send it to GTBank 0123456789")).containsExactly(Kind.BANK_ACCOUNT);
        assertThat(kinds("acct no: 0123456789 (Access)")).containsExactly(Kind.BANK_ACCOUNT);
        assertThat(kinds("0123 456 789 is my account")).containsExactly(Kind.BANK_ACCOUNT);
        assertThat(kinds("Opay 8123456789")).containsExactly(Kind.BANK_ACCOUNT);
    }

    @Test
    void aTenDigitNumberFarFromAnyBankWordIsNoAccount() {
        assertThat(policy.findings("The bank of the lagoon is lovely this time of year, and our guest list is long."
                + " Ticket 0123456789")).isEmpty();
        assertThat(new ContactDetailsPolicy(List.of(), 200).findings("The bank of the lagoon is lovely this time of year,"
                + " and our guest list is long. Ticket 0123456789")).extracting(Finding::kind).containsExactly(Kind.BANK_ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Please PAY ME DIRECTLY", "pay   directly to avoid fees", "payment direct to me", "I can pay outside",
            "let's do it outside the app", "off platform is cheaper", "Cash only!", "cash in hand", "pay me in cash",
            "WhatsApp me", "whatsapp on the number below", "wa.me/2348031234", "t.me/someone", "Whats app me please"})
    void phrasesThatTakeTheDealOffThePlatformAreFound(String text) {
        assertThat(kinds(text)).contains(Kind.OFF_PLATFORM_PHRASE);
    }

    @Test
    void eMailAddressesAreFound() {
        assertThat(policy.findings("write to ada.obi+jobs@example.com.ng")).containsExactly(
                new Finding(Kind.EMAIL_ADDRESS, "…@example.com.ng"));
        assertThat(policy.findings("meet @ the gate at 8")).isEmpty();
    }

    @Test
    void everythingInATextIsFoundAndShownMasked() {
        assertThat(policy.findings("Call me on 0803 123 4567 or +233 24 765 4321, pay me directly to Zenith 2012345678"))
                .containsExactly(new Finding(Kind.PHONE_NUMBER, "…4567"), new Finding(Kind.PHONE_NUMBER, "…4321"),
                        new Finding(Kind.BANK_ACCOUNT, "…5678"), new Finding(Kind.OFF_PLATFORM_PHRASE, "pay me directly"));
    }

    @Test
    void aNumberAfterOtherDigitsIsStillFound() {
        assertThat(policy.findings("Gate 12 08031234567")).containsExactly(new Finding(Kind.PHONE_NUMBER, "…4567"));
    }

    @Test
    void moreWordsCanBeConfigured() {
        var policy = new ContactDetailsPolicy(List.of("Signal me", "  "), ContactDetailsPolicy.DEFAULT_BANK_WORD_DISTANCE);
        assertThat(policy.findings("just SIGNAL   me")).containsExactly(new Finding(Kind.OFF_PLATFORM_PHRASE, "signal me"));
        assertThat(policy.findings("signal meeting at 9")).isEmpty();
    }

    @Test
    void nothingIsFoundInNoText() {
        assertThat(policy.findings(null)).isEmpty();
        assertThat(policy.findings("   ")).isEmpty();
    }
}
