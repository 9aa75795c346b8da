-- Verified phone numbers (docs/notifications.md#verified-phone-numbers): when the account's current number was
-- verified; changing the number clears it.
ALTER TABLE account ADD COLUMN phone_verified_at TIMESTAMP WITH TIME ZONE;

-- The code pending for an account, at most one: only its keyed hash, when it expires and how many wrong tries it
-- had. A new code replaces it; a confirmed one is deleted, as is every row of an erased account.
CREATE TABLE phone_verification_code (
    account_id VARCHAR(36)              NOT NULL REFERENCES account (id),
    code_hash  VARCHAR(64)              NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    tries      INTEGER                  NOT NULL,
    CONSTRAINT pk_phone_verification_code PRIMARY KEY (account_id)
);

-- Every code sent in the last day, for the limits on resends: the number only as a keyed hash (the daily limit
-- counts per number, whichever account asks). Rows older than a day are deleted as new ones come.
CREATE TABLE phone_verification_send (
    account_id VARCHAR(36)              NOT NULL REFERENCES account (id),
    phone_hash VARCHAR(64)              NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_phone_verification_send_phone ON phone_verification_send (phone_hash, sent_at);
CREATE INDEX ix_phone_verification_send_account ON phone_verification_send (account_id, sent_at);
