package dev.gigstream.api.reach;

import dev.gigstream.api.testsupport.MigratedDatabases;

import javax.sql.DataSource;

/** {@link DeliveryRecordsTest} on PostgreSQL. */
class DeliveryRecordsPostgresIT extends DeliveryRecordsTest {

    @Override
    DataSource migratedDatabase() {
        return MigratedDatabases.postgres();
    }
}
