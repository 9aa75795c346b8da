package dev.gigstream.messages.worker;

import dev.gigstream.messages.common.MaskedNumbers;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a worker's earnings are transferred: a bank (or mobile-money provider) code and account. Personal
 * data as a whole, with no id of its owner in it: a command or event holds it only in a component marked
 * {@code @PersonalData} with the worker's id as subject, so its components carry no mark of their own (an
 * unmarked use is caught by the marking test, which then finds its text unmarked).
 */
public record PayoutAccount(String bankCode, String accountNumber, String accountName) {

    private static final Pattern BANK_CODE = Pattern.compile("[0-9A-Za-z]{3,10}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{6,20}");

    public PayoutAccount {
        Objects.requireNonNull(bankCode, "bankCode");
        Objects.requireNonNull(accountNumber, "accountNumber");
        Objects.requireNonNull(accountName, "accountName");
        if (!BANK_CODE.matcher(bankCode).matches()) {
            throw new IllegalArgumentException("bankCode must be 3 to 10 letters or digits");
        }
        if (!ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            throw new IllegalArgumentException("accountNumber must be 6 to 20 digits");
        }
        if (accountName.isBlank() || accountName.length() > 100) {
            throw new IllegalArgumentException("accountName must be 1 to 100 characters");
        }
    }

    /** The account number with all but its last four digits hidden, for display. */
    public String maskedAccountNumber() {
        return MaskedNumbers.mask(accountNumber);
    }
}
