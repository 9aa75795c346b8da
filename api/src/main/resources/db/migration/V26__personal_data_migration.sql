-- The one-time encryption of the personal fields of events stored before encryption was on
-- (PersonalDataMigration, docs/personal-data.md): one row per store it rewrites, with how far it got, so a
-- stop resumes it where it was. Instances that start at once lock the row (SELECT ... FOR UPDATE) for each
-- batch, so they take turns and never rewrite the same rows. finished_at is set once the store is done.
CREATE TABLE personal_data_migration (
    store         VARCHAR(64)              NOT NULL PRIMARY KEY,
    done_after    VARCHAR(255),
    rows_read     BIGINT                   NOT NULL,
    rows_sealed   BIGINT                   NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE
);
INSERT INTO personal_data_migration (store, done_after, rows_read, rows_sealed) VALUES ('domain_event_entry', NULL, 0, 0);
INSERT INTO personal_data_migration (store, done_after, rows_read, rows_sealed) VALUES ('dead_letter_entry', NULL, 0, 0);
