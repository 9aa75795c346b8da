-- Erasure of a person (docs/personal-data.md#erasure): the account row stays, for the ids the money records
-- name, with its personal columns replaced by a pseudonym; erased_at says it was erased and refuses every login.
ALTER TABLE account ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- Every erasure done, once per person: who asked (the person, or an admin for a verified request, with its
-- reference) and when. Nothing personal: ids, a role, the request's reference and a time.
CREATE TABLE erasure (
    subject_id   VARCHAR(36)              NOT NULL,
    requested_by VARCHAR(36)              NOT NULL,
    reference    VARCHAR(200),
    erased_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_erasure PRIMARY KEY (subject_id)
);
