package dev.gigstream.api.auth;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The email of an account, for the services that must address a user (Paystack's checkout wants one),
 * and the worker behind an email (Paystack's subscription events name the customer by email).
 */
@Component
public class AccountEmails {

    private final Accounts accounts;

    AccountEmails(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<String> of(String accountId) {
        return accounts.byId(accountId).map(Account::email);
    }

    /** The account's full name as given at sign-up (a safety link shows the worker's first name). */
    public Optional<String> fullName(String accountId) {
        return accounts.byId(accountId).map(Account::fullName);
    }

    /** The worker whose account has this email (as Paystack names its customers), if any. */
    public Optional<String> workerWithEmail(String email) {
        return accounts.byEmail(Accounts.normalizeEmail(email))
                .filter(account -> account.role() == Role.WORKER).map(Account::id);
    }
}
