package dev.gigstream.api.reach;

import dev.gigstream.api.auth.Account;
import dev.gigstream.api.auth.Accounts;
import dev.gigstream.sms.PhoneNumbers;

import java.util.List;
import java.util.Optional;

/**
 * The recipients as the platform knows them when a notification goes out: their sessions on any instance
 * ({@link Presence}), their devices, their preferences, and the phone number of their account.
 */
final class AccountRecipients implements Recipients {

    static final String DEFAULT_REGION = "NG";

    private final Accounts accounts;
    private final Presence presence;
    private final Devices devices;
    private final NotificationPreferencesStore preferences;

    AccountRecipients(Accounts accounts, Presence presence, Devices devices, NotificationPreferencesStore preferences) {
        this.accounts = accounts;
        this.presence = presence;
        this.devices = devices;
        this.preferences = preferences;
    }

    @Override
    public boolean connected(String userId) {
        return presence.connected(userId);
    }

    @Override
    public List<String> deviceTokens(String userId) {
        return devices.of(userId).stream().map(Device::token).toList();
    }

    @Override
    public void forget(String token) {
        devices.forget(token);
    }

    @Override
    public NotificationPreferences preferences(String userId) {
        return preferences.of(userId);
    }

    @Override
    public Optional<String> phone(String userId) {
        return accounts.byId(userId).map(Account::phone).flatMap(AccountRecipients::e164);
    }

    /** The number in E.164 form if it can receive a text; without a country code it is read as Nigerian. */
    static Optional<String> e164(String raw) {
        return raw == null ? Optional.empty() : PhoneNumbers.e164(raw, DEFAULT_REGION);
    }
}
