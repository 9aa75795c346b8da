package dev.gigstream.api.reach;

import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.sms.PhoneNumbers;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.List;
import java.util.Optional;

/**
 * The recipients as the accounts know them: the phone number of the account, sessions open on this instance.
 * Devices and preferences are not kept yet: nobody has a device, everybody the policy's defaults.
 */
final class AccountRecipients implements Recipients {

    static final String DEFAULT_REGION = "NG";

    private final Accounts accounts;
    private final SimpUserRegistry sessions;

    AccountRecipients(Accounts accounts, SimpUserRegistry sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @Override
    public boolean connected(String userId) {
        return sessions.getUser(userId) != null;
    }

    @Override
    public List<String> deviceTokens(String userId) {
        return List.of();
    }

    @Override
    public void forget(String token) {
        // no devices kept
    }

    @Override
    public NotificationPreferences preferences(String userId) {
        return NotificationPreferences.DEFAULTS;
    }

    @Override
    public Optional<String> phone(String userId) {
        return accounts.byId(userId).map(Account::phone).flatMap(AccountRecipients::e164);
    }

    /** The number in E.164 form if it can receive a text; without a country code it is read as Nigerian. */
    static Optional<String> e164(String raw) {
        return PhoneNumbers.e164(raw, DEFAULT_REGION);
    }
}
