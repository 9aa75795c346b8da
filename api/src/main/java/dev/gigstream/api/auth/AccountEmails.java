package dev.gigstream.api.auth;

import org.springframework.stereotype.Component;

import java.util.Optional;

/** The email of an account, for the services that must address a user (Paystack's checkout wants one). */
@Component
public class AccountEmails {

    private final Accounts accounts;

    AccountEmails(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<String> of(String accountId) {
        return accounts.byId(accountId).map(Account::email);
    }
}
