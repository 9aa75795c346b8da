package dev.gigstream.api.auth;

import dev.gigstream.api.testsupport.MigratedDatabases;

import javax.sql.DataSource;

/** {@link RefreshTokenRetentionTest} on PostgreSQL. */
class RefreshTokenRetentionPostgresIT extends RefreshTokenRetentionTest {

    @Override
    DataSource migratedDatabase() {
        return MigratedDatabases.postgres();
    }
}
