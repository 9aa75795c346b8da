package dev.gigstream.api.personal;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.Base64;
import java.util.UUID;

/** The embedded profile's database (H2 in PostgreSQL mode, every migration applied) and master keys for tests. */
final class H2Keys {

    private H2Keys() {
    }

    static DataSource migratedDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }

    static String newMasterKey() {
        return Base64.getEncoder().encodeToString(AesGcm.newKey());
    }
}
