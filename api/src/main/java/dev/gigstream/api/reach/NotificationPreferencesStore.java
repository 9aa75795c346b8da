package dev.gigstream.api.reach;

import dev.gigstream.api.auth.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The notification preferences people set, in the {@code notification_preferences} table: a person who set
 * none has {@link NotificationPreferences#DEFAULTS}. Channels are kept as a JSON object of type to channel
 * names; quiet hours as their two times and zone.
 */
@Component
public class NotificationPreferencesStore {

    /** Where a phone number's country does not say otherwise, the person is taken to live by Lagos's clock. */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Africa/Lagos");
    private static final ZoneId GHANA = ZoneId.of("Africa/Accra");
    private static final TypeReference<Map<String, List<Channel>>> CHANNELS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Accounts accounts;
    private final Clock clock;

    NotificationPreferencesStore(JdbcClient jdbc, JsonMapper json, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What the person asked for, or the defaults. */
    public NotificationPreferences of(String userId) {
        return jdbc.sql("SELECT channels, quiet_from, quiet_to, zone FROM notification_preferences WHERE user_id = :user")
                .param("user", userId).query(this::preferences).optional().orElse(NotificationPreferences.DEFAULTS);
    }

    /** Replaces the person's preferences; the defaults delete them. */
    void set(String userId, NotificationPreferences preferences) {
        if (preferences.equals(NotificationPreferences.DEFAULTS)) {
            forget(userId);
            return;
        }
        Map<String, List<Channel>> channels = new TreeMap<>();
        preferences.channels().forEach((type, allowed) -> channels.put(type, allowed.stream().sorted().toList()));
        Optional<QuietHours> quiet = preferences.quietHours();
        Map<String, Object> values = new HashMap<>();
        values.put("user", userId);
        values.put("channels", json.writeValueAsString(channels));
        values.put("from", quiet.map(hours -> hours.from().toString()).orElse(null));
        values.put("to", quiet.map(hours -> hours.to().toString()).orElse(null));
        values.put("zone", quiet.map(hours -> hours.zone().getId()).orElse(null));
        values.put("at", clock.instant().atOffset(ZoneOffset.UTC));
        String update = """
                UPDATE notification_preferences SET channels = :channels, quiet_from = :from, quiet_to = :to, zone = :zone,
                       updated_at = :at WHERE user_id = :user""";
        if (jdbc.sql(update).params(values).update() == 0 && jdbc.sql("""
                        INSERT INTO notification_preferences (user_id, channels, quiet_from, quiet_to, zone, updated_at)
                        VALUES (:user, :channels, :from, :to, :zone, :at) ON CONFLICT DO NOTHING""")
                .params(values).update() == 0) {
            jdbc.sql(update).params(values).update(); // another first setting went in meanwhile: this later one stands
        }
    }

    /** Deletes the person's preferences (back to the defaults, or an erasure). */
    public void forget(String userId) {
        jdbc.sql("DELETE FROM notification_preferences WHERE user_id = :user").param("user", userId).update();
    }

    /** The zone quiet hours are read in when the person names none: Ghana's for a +233 number, else Lagos's. */
    ZoneId homeZone(String userId) {
        return accounts.byId(userId).map(account -> account.phone())
                .filter(phone -> phone != null && phone.startsWith("+233"))
                .map(phone -> GHANA).orElse(DEFAULT_ZONE);
    }

    private NotificationPreferences preferences(ResultSet rs, int row) throws SQLException {
        Map<String, Set<Channel>> channels = new TreeMap<>();
        json.readValue(rs.getString("channels"), CHANNELS).forEach((type, allowed) -> channels.put(type, Set.copyOf(allowed)));
        String from = rs.getString("quiet_from");
        Optional<QuietHours> quiet = from == null ? Optional.empty() : Optional.of(new QuietHours(LocalTime.parse(from),
                LocalTime.parse(rs.getString("quiet_to")), ZoneId.of(rs.getString("zone"))));
        return new NotificationPreferences(channels, quiet);
    }
}
