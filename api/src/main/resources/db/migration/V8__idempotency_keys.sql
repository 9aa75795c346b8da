-- Answers kept for clients that retry with an Idempotency-Key. The first request of a key claims it
-- (status NULL while it runs; claim_id names that run), its 2xx answer is stored for 24 hours, and a retry
-- with the same key and the same request is answered from here instead of acting again. caller is the
-- account id, or 'anonymous' for sign-ups; the request is its method, path and an HMAC-SHA256 of its
-- canonical JSON body (keyed, since a sign-up's body holds a password).
CREATE TABLE idempotency_key (
    caller         VARCHAR(64)              NOT NULL,
    idem_key       VARCHAR(255)             NOT NULL,
    request_method VARCHAR(16)              NOT NULL,
    request_path   VARCHAR(2048)            NOT NULL,
    body_hash      VARCHAR(64)              NOT NULL,
    claim_id       VARCHAR(36)              NOT NULL,
    claimed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(255),
    location       VARCHAR(2048),
    body           BYTEA,
    answered_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_idempotency_key PRIMARY KEY (caller, idem_key)
);
CREATE INDEX ix_idempotency_key_claimed_at ON idempotency_key (claimed_at);
