package dev.gigstream.api.reach;

import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.List;
import java.util.Optional;

/**
 * The recipients as the accounts know them: the phone number of the account, sessions open on this instance.
 * Devices and preferences are not kept yet: nobody has a device, everybody the policy's defaults.
 */
final class AccountRecipients implements Recipients {

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

    /** A Nigerian or Ghanaian number in E.164 form: {@code +234...}, {@code 234...} or a local {@code 0...} (Nigeria). */
    static Optional<String> e164(String raw) {
        String digits = raw.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+") && digits.substring(1).matches("\\d{8,15}")) {
            return Optional.of(digits);
        }
        if (digits.matches("0\\d{10}")) {
            return Optional.of("+234" + digits.substring(1));
        }
        return digits.matches("23[34]\\d{9,10}") ? Optional.of("+" + digits) : Optional.empty();
    }
}
