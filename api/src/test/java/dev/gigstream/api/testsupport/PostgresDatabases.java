package dev.gigstream.api.testsupport;

import dev.gigstream.query.testsupport.MongoBackend;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh PostgreSQL databases for integration tests, one per test class: on the server at
 * 127.0.0.1:5432 when it answers (override with GIGSTREAM_TEST_PG_URL/_USER/_PASSWORD), else in a
 * Testcontainers PostgreSQL where Docker runs, else the test fails saying how to start one.
 * Databases are dropped when the JVM exits; ones left behind by a killed run are dropped after six hours.
 */
public final class PostgresDatabases {

    private static final String PREFIX = "gs_test_";
    private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_[0-9a-f]+");
    private static final List<String> created = new ArrayList<>();
    private static Server server;

    private PostgresDatabases() {
    }

    /** Creates an empty database and returns its JDBC URL; user and password via {@link #user()} and {@link #password()}. */
    public static synchronized String freshDatabase() {
        Server s = server();
        String name = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = s.adminConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        created.add(name);
        return s.urlOf(name);
    }

    public static String user() {
        return server().user;
    }

    public static String password() {
        return server().password;
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String url = env("GIGSTREAM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
        Server local = new Server(url, env("GIGSTREAM_TEST_PG_USER", "postgres"), env("GIGSTREAM_TEST_PG_PASSWORD", ""));
        if (local.answers()) {
            System.out.println("[gigstream-test] PostgreSQL: the server at " + url);
            server = local;
        } else if (MongoBackend.Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            System.out.println("[gigstream-test] PostgreSQL: a Testcontainers postgres:15-alpine");
            server = new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        } else {
            throw new IllegalStateException("""
                    No PostgreSQL answers at %s and there is no Docker engine for a Testcontainers one.
                    Start the local server, e.g.: pg_ctlcluster --skip-systemctl-redirect 15 main start
                    or point GIGSTREAM_TEST_PG_URL, GIGSTREAM_TEST_PG_USER and GIGSTREAM_TEST_PG_PASSWORD at one.""".formatted(url));
        }
        server.dropStaleDatabases();
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresDatabases::dropCreated));
        return server;
    }

    private static synchronized void dropCreated() {
        try (Connection c = server.adminConnection(); Statement st = c.createStatement()) {
            for (String name : created) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("[gigstream-test] could not drop test databases: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private record Server(String adminUrl, String user, String password) {

        boolean answers() {
            try (Connection ignored = adminConnection()) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        Connection adminConnection() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "3");
            return DriverManager.getConnection(adminUrl, props);
        }

        String urlOf(String database) {
            int slash = adminUrl.lastIndexOf('/');
            int query = adminUrl.indexOf('?', slash);
            return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
        }

        void dropStaleDatabases() {
            long cutoff = Instant.now().minus(Duration.ofHours(6)).getEpochSecond();
            try (Connection c = adminConnection(); Statement st = c.createStatement()) {
                List<String> stale = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '" + PREFIX + "%'")) {
                    while (rs.next()) {
                        Matcher m = NAME.matcher(rs.getString(1));
                        if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                            stale.add(rs.getString(1));
                        }
                    }
                }
                for (String name : stale) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                System.err.println("[gigstream-test] could not drop stale test databases: " + e.getMessage());
            }
        }
    }
}
