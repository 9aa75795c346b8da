-- User accounts and refresh tokens are deliberately not event-sourced: secrets and credentials must be
-- changeable and erasable, which an append-only log is not.
CREATE TABLE account (
    id            VARCHAR(36)              PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    full_name     VARCHAR(200)             NOT NULL,
    phone         VARCHAR(32),
    role          VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_account_email UNIQUE (email)
);

-- Only a SHA-256 hash of each refresh token is kept. Tokens of one login form a family: rotating one
-- marks it used; presenting a used token again revokes the whole family.
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64)              PRIMARY KEY,
    family_id   VARCHAR(36)              NOT NULL,
    account_id  VARCHAR(36)              NOT NULL REFERENCES account (id),
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_token_family ON refresh_token (family_id);
