package dev.gigstream.api.personal;

import dev.gigstream.api.testsupport.PostgresDatabases;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

/** {@link PersonalKeysTest} on PostgreSQL, every migration applied to a fresh database. */
class PersonalKeysPostgresIT extends PersonalKeysTest {

    @Override
    DataSource migratedDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(PostgresDatabases.freshDatabase());
        dataSource.setUser(PostgresDatabases.user());
        dataSource.setPassword(PostgresDatabases.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
