package dev.gigstream.api.audit;

import dev.gigstream.api.testsupport.MigratedDatabases;

import javax.sql.DataSource;

/** {@link AuditReadRetentionTest} on PostgreSQL. */
class AuditReadRetentionPostgresIT extends AuditReadRetentionTest {

    @Override
    DataSource migratedDatabase() {
        return MigratedDatabases.postgres();
    }
}
