-- Suspension as the accounts see it, kept in step with the WorkerSuspended/ClientSuspended events (and
-- their reinstatements) in the same transaction: every authenticated request checks it.
ALTER TABLE account ADD COLUMN suspended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE account ADD COLUMN suspension_reason VARCHAR(500);

-- Abuse reports are not events: they name people and carry free text that may have to be erased.
-- subject_user_id is the user a report is about (the job's client for a report on a job).
CREATE TABLE abuse_report (
    id              VARCHAR(36)              PRIMARY KEY,
    reporter_id     VARCHAR(36)              NOT NULL,
    subject_type    VARCHAR(8)               NOT NULL,
    subject_id      VARCHAR(36)              NOT NULL,
    subject_user_id VARCHAR(36)              NOT NULL,
    reason          VARCHAR(1000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    closed_by       VARCHAR(36),
    note            VARCHAR(1000)
);
CREATE INDEX ix_abuse_report_open ON abuse_report (closed_at, created_at);
CREATE INDEX ix_abuse_report_subject_user ON abuse_report (subject_user_id);
