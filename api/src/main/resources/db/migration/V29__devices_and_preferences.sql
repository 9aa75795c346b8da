-- The devices a person's app is installed on, for push notifications: the provider's token (it names one
-- install of the app, so a token registered by another account moves to the one that registers it last),
-- the platform and when it was registered. A few per person; the oldest goes when one more is added. A token
-- is up to 4096 characters, more than a PostgreSQL index entry holds: rows are keyed by its SHA-256 (hex).
CREATE TABLE device (
    token_hash VARCHAR(64)              NOT NULL,
    token      VARCHAR(4096)            NOT NULL,
    user_id    VARCHAR(36)              NOT NULL,
    platform   VARCHAR(16)              NOT NULL,
    added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_device PRIMARY KEY (token_hash)
);
CREATE INDEX ix_device_user_id ON device (user_id);

-- What a person asked of the notifications: the channels they allow per notification type (JSON, an object
-- of type to channel names) and their quiet hours (none when quiet_from is NULL), in their time zone.
CREATE TABLE notification_preferences (
    user_id    VARCHAR(36)              NOT NULL,
    channels   TEXT                     NOT NULL,
    quiet_from VARCHAR(5),
    quiet_to   VARCHAR(5),
    zone       VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notification_preferences PRIMARY KEY (user_id)
);

-- The live STOMP sessions of every instance: a row per session, inserted when it connects and deleted when
-- it ends. Each instance extends seen_until of its own rows while it runs, so the rows of an instance that
-- died lapse and are then deleted by the others.
CREATE TABLE websocket_presence (
    session_id  VARCHAR(255)             NOT NULL,
    user_id     VARCHAR(36)              NOT NULL,
    instance_id VARCHAR(255)             NOT NULL,
    seen_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_websocket_presence PRIMARY KEY (session_id)
);
CREATE INDEX ix_websocket_presence_user_id ON websocket_presence (user_id);
CREATE INDEX ix_websocket_presence_instance_id ON websocket_presence (instance_id);
