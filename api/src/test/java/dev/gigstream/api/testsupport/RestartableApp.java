package dev.gigstream.api.testsupport;

import dev.gigstream.api.GigstreamApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The application on the {@code postgres} profile, on a database of its own that outlives it, for
 * tests that stop it and start it again (read models in memory are rebuilt by replay at each start).
 */
public final class RestartableApp {

    private final String database;
    private final List<String> settings;

    /**
     * {@code settings} as command-line arguments, e.g. {@code --gigstream.lifecycle.confirmation-window=5s}.
     * The endpoint rate limits are as high as in {@link FreshStores} unless a setting names one.
     */
    public RestartableApp(String... settings) {
        this(PostgresDatabases.freshDatabase(), List.of(settings));
    }

    private RestartableApp(String database, List<String> settings) {
        this.database = database;
        this.settings = settings;
    }

    /** The app on the same database with other settings (in place of these), e.g. to start it again switched otherwise. */
    public RestartableApp withSettings(String... settings) {
        return new RestartableApp(database, List.of(settings));
    }

    /** The same app, reaching its database through {@code proxy} (which must lead to the database's server). */
    public RestartableApp through(TcpProxy proxy) {
        return new RestartableApp(database.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"), settings);
    }

    /** The JDBC URL of the app's database. */
    public String databaseUrl() {
        return database;
    }

    public ConfigurableApplicationContext start() {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresDatabases.user(),
                "--spring.datasource.password=" + PostgresDatabases.password(),
                "--gigstream.auth.jwt-secret=" + FreshStores.JWT_SECRET,
                "--gigstream.personal-data.master-key=" + FreshStores.PERSONAL_DATA_MASTER_KEY,
                "--gigstream.paystack.base-url=" + FreshStores.paystack().baseUrl(),
                "--gigstream.paystack.secret-key=" + FreshStores.PAYSTACK_SECRET));
        arguments.addAll(settings);
        for (String group : FreshStores.RATE_LIMIT_GROUPS) {
            String limit = "--gigstream.rate-limits.groups." + group + ".requests=";
            if (settings.stream().noneMatch(setting -> setting.startsWith(limit))) {
                arguments.add(limit + FreshStores.UNTHROTTLED);
            }
        }
        return new SpringApplicationBuilder(GigstreamApplication.class).profiles("postgres").run(arguments.toArray(String[]::new));
    }

    public static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
