-- One AES-256 data key per person (subject), wrapped by the master key whose fingerprint is master_key_id
-- (docs/personal-data.md). Erasure deletes the key and leaves the row as a tombstone (shredded_at set,
-- no key), so that a key is never made again for someone erased.
CREATE TABLE personal_key (
    subject_id    VARCHAR(255)             NOT NULL PRIMARY KEY,
    key_version   INTEGER                  NOT NULL,
    master_key_id VARCHAR(32),
    wrapped_key   VARCHAR(255),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    shredded_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_personal_key_wrapped_or_shredded CHECK ((wrapped_key IS NULL) = (shredded_at IS NOT NULL))
);
