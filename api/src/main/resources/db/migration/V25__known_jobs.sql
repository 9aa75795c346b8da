-- Every job with its parties and, once it finished, how and when (for the ratings of a job that finished
-- before jobs opened their own ratings): kept from the Job's events by the subscribing processor
-- command-lookups in the transaction that stores them, so the ratings never read the Job's stream.
CREATE TABLE known_job (
    job_id          VARCHAR(255)             NOT NULL,
    client_id       VARCHAR(255),
    worker_id       VARCHAR(255),
    finished_status VARCHAR(32),
    finished_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_known_job PRIMARY KEY (job_id)
);

-- Which lookup tables were filled from the history stored before them, each once: a table added after the
-- first fill (known_job) is filled at the next start, alone, while the row of command_lookups_filled is
-- locked. The tables of V16 and V17 were filled already where command_lookups_filled says so.
CREATE TABLE command_lookups_filled_table (
    lookup      VARCHAR(64)              NOT NULL,
    filled_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    events_read BIGINT                   NOT NULL,
    CONSTRAINT pk_command_lookups_filled_table PRIMARY KEY (lookup)
);
INSERT INTO command_lookups_filled_table (lookup, filled_at, events_read)
SELECT filled.lookup, command_lookups_filled.filled_at, command_lookups_filled.events_read
FROM command_lookups_filled
CROSS JOIN (SELECT 'escrow_holding' AS lookup
            UNION ALL SELECT 'known_dispute'
            UNION ALL SELECT 'worker_standing'
            UNION ALL SELECT 'client_standing') filled
WHERE command_lookups_filled.filled_at IS NOT NULL;
