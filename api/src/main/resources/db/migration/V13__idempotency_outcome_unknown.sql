-- A key whose request was answered 503 COMMAND_OUTCOME_UNKNOWN (its command may or may not have been stored)
-- stays claimed with outcome_unknown TRUE instead of being released: the next request with the key and the
-- same request takes it over at once and is told that an earlier attempt may have acted, so that it
-- answers that attempt's success rather than a refusal of the repeat. A request holding the key sets it FALSE.
ALTER TABLE idempotency_key ADD COLUMN outcome_unknown BOOLEAN NOT NULL DEFAULT FALSE;
