package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.MigratedDatabases;

import javax.sql.DataSource;

/** {@link SmsAllowancesTest} on PostgreSQL. */
class SmsAllowancesPostgresIT extends SmsAllowancesTest {

    @Override
    DataSource migratedDatabase() {
        return MigratedDatabases.postgres();
    }
}
