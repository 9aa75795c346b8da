-- A key whose request was answered 503 COMMAND_OUTCOME_UNKNOWN (its command may or may not have been stored)
-- stays claimed with outcome_unknown TRUE instead of being released: the next request with the key and the
-- same request takes it over at once and is told that an earlier attempt may have acted, so that it
-- answers that attempt's success rather than a refusal of the repeat. A request holding the key sets it FALSE.
-- id_seed (the first claim's id, kept when a retry takes the key over) goes into the ids a request with the
-- key creates, so that its retries create nothing new and the same key used again after 24 hours does.
ALTER TABLE idempotency_key ADD COLUMN outcome_unknown BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE idempotency_key ADD COLUMN id_seed VARCHAR(36);
UPDATE idempotency_key SET id_seed = claim_id;
ALTER TABLE idempotency_key ALTER COLUMN id_seed SET NOT NULL;
