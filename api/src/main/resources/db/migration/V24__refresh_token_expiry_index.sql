-- The retention sweep deletes refresh tokens some time after they expired (gigstream.retention.refresh-tokens).
CREATE INDEX ix_refresh_token_expires_at ON refresh_token (expires_at);
