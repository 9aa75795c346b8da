package dev.gigstream.api.personal;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The setting that switches encryption on, the serializer it wraps, and the rewrap at start during a rotation. */
class PersonalDataConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(PersonalDataConfiguration.class);

    /** Stands for the configuration: there when encryption is on. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(PersonalDataConfiguration.EncryptionOn.class)
    static class WhenOn {

        @Bean
        String encryptionOn() {
            return "on";
        }
    }

    @Test
    void onByDefault() {
        new ApplicationContextRunner().withUserConfiguration(WhenOn.class)
                .run(started -> assertThat(started).hasNotFailed().hasBean("encryptionOn"));
        new ApplicationContextRunner().withUserConfiguration(WhenOn.class).withPropertyValues(PersonalDataConfiguration.ENCRYPTION + "= ON ")
                .run(started -> assertThat(started).hasNotFailed().hasBean("encryptionOn"));
    }

    @Test
    void whenOffNothingOfItExists() {
        context.withPropertyValues(PersonalDataConfiguration.ENCRYPTION + "=off").run(started -> assertThat(started).hasNotFailed()
                .doesNotHaveBean(PersonalKeys.class).doesNotHaveBean(MasterKeys.class).doesNotHaveBean(PersonalDataMigration.class)
                .doesNotHaveBean(PersonalDataMigrationRun.class));
    }

    @Test
    void aValueOtherThanOnOrOffRefusesToStart() {
        context.withPropertyValues(PersonalDataConfiguration.ENCRYPTION + "=true").run(started -> assertThat(started)
                .getFailure().isInstanceOf(IllegalStateException.class).hasMessageContaining("must be on or off, not 'true'"));
    }

    @Test
    void onlyTheEventSerializerIsWrapped() {
        PersonalKeys keys = new PersonalKeys(H2Keys.migratedDatabase(), MasterKeys.of(H2Keys.newMasterKey(), null),
                PersonalKeysTest.CLOCK, 10, Duration.ofSeconds(30));
        BeanPostProcessor wrapping = PersonalDataConfiguration.personalDataEventSerializer(
                new StaticListableBeanFactory(Map.of("personalKeys", keys)).getBeanProvider(PersonalKeys.class));
        Serializer axon = Jackson3Serializer.builder().build();

        assertThat(wrapping.postProcessAfterInitialization(axon, "eventSerializer")).isInstanceOf(PersonalDataSerializer.class);
        assertThat(wrapping.postProcessAfterInitialization(axon, "serializer")).isSameAs(axon);
        assertThat(wrapping.postProcessAfterInitialization(axon, "messageSerializer")).isSameAs(axon);
    }

    @Test
    void atStartKeysWrappedByThePreviousMasterKeyAreWrappedByTheCurrentOne() throws Exception {
        DataSource database = H2Keys.migratedDatabase();
        String old = H2Keys.newMasterKey();
        String current = H2Keys.newMasterKey();
        DataKey made = new PersonalKeys(database, MasterKeys.of(old, null), PersonalKeysTest.CLOCK, 10, Duration.ofSeconds(30))
                .keyToEncrypt("worker-1").orElseThrow();
        MasterKeys rotating = MasterKeys.of(current, old);
        PersonalKeys keys = new PersonalKeys(database, rotating, PersonalKeysTest.CLOCK, 10, Duration.ofSeconds(30));

        new PersonalDataConfiguration().rewrapPersonalKeys(rotating, keys).run(null);

        assertThat(masterKeyIdOf(database, "worker-1")).isEqualTo(MasterKeys.of(current, null).currentId());
        PersonalKeys withoutTheOldKey = new PersonalKeys(database, MasterKeys.of(current, null), PersonalKeysTest.CLOCK, 10, Duration.ofSeconds(30));
        assertThat(withoutTheOldKey.keyToDecrypt("worker-1", made.version()).orElseThrow().key().getEncoded())
                .isEqualTo(made.key().getEncoded());
    }

    private static String masterKeyIdOf(DataSource database, String subject) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT master_key_id FROM personal_key WHERE subject_id = ?")) {
            select.setString(1, subject);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
