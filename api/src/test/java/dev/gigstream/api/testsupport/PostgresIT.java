package dev.gigstream.api.testsupport;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test of the whole application through real HTTP on the {@code postgres} profile,
 * with a fresh PostgreSQL database of its own and read models on a MongoDB container (with Docker)
 * or the in-process server. Tests {@code @Autowired} an {@link Api} client of the running server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextCustomizerFactories(FreshStores.class)
public @interface PostgresIT {
}
