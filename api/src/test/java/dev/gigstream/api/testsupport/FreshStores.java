package dev.gigstream.api.testsupport;

import dev.gigstream.paystack.PaystackStandIn;
import dev.gigstream.query.testsupport.MongoBackend;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives each {@link PostgresIT} class its own event-store database and read-model database. The
 * customizer is keyed by the test class, so every class gets a context (and stores) of its own.
 */
public class FreshStores implements ContextCustomizerFactory {

    public static final String JWT_SECRET = "integration-test-signing-secret-of-at-least-32-bytes";
    /** The master key of personal data (base64 of 32 bytes) that every app started on the postgres profile in a test is given. */
    public static final String PERSONAL_DATA_MASTER_KEY = "aW50ZWdyYXRpb24tdGVzdHMtcGVyc29uYWwta2V5MzI=";
    public static final String PAYSTACK_SECRET = "sk_test_gigstream_integration";
    /** The endpoint rate-limit groups; tests make many requests a minute as one user from one address. */
    public static final List<String> RATE_LIMIT_GROUPS = List.of("webhooks", "data-export", "admin", "writes", "reads", "public");
    /** High enough that no test is throttled unless it sets a limit of its own. */
    public static final String UNTHROTTLED = "100000";
    private static PaystackStandIn paystack;

    /** The local Paystack every {@link PostgresIT} application talks to (one per JVM). */
    public static synchronized PaystackStandIn paystack() {
        if (paystack == null) {
            paystack = new PaystackStandIn(PAYSTACK_SECRET);
            Runtime.getRuntime().addShutdownHook(new Thread(paystack::close));
        }
        return paystack;
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attributes) {
        return new Customizer(testClass);
    }

    private record Customizer(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("spring.datasource.url", PostgresDatabases.freshDatabase());
            properties.put("spring.datasource.username", PostgresDatabases.user());
            properties.put("spring.datasource.password", PostgresDatabases.password());
            properties.put("spring.datasource.hikari.maximum-pool-size", "5");
            properties.put("gigstream.auth.jwt-secret", JWT_SECRET);
            properties.put("gigstream.personal-data.master-key", PERSONAL_DATA_MASTER_KEY);
            properties.put("gigstream.auth.rate-limit.requests", "10000");
            // bcrypt's least cost: a test signs up and logs in dozens of accounts, and the hash is not what it tests
            properties.put("gigstream.auth.password-hash-cost", "4");
            for (String group : RATE_LIMIT_GROUPS) {
                properties.put("gigstream.rate-limits.groups." + group + ".requests", UNTHROTTLED);
            }
            properties.put("gigstream.paystack.base-url", paystack().baseUrl());
            properties.put("gigstream.paystack.secret-key", PAYSTACK_SECRET);
            MongoBackend mongo = MongoBackend.preferred();
            if (mongo != MongoBackend.inProcess()) {
                properties.put("gigstream.read-models.uri", mongo.connectionString());
                properties.put("gigstream.read-models.database", "test_" + UUID.randomUUID().toString().substring(0, 8));
            }
            var environment = context.getEnvironment();
            context.getBeanFactory().registerSingleton("testApi",
                    new Api(() -> Integer.parseInt(environment.getProperty("local.server.port"))));
            // below @TestPropertySource, so a test class can still override any of these
            var sources = context.getEnvironment().getPropertySources();
            var fresh = new MapPropertySource("fresh-stores", properties);
            if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
                sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, fresh);
            } else {
                sources.addFirst(fresh);
            }
        }
    }
}
