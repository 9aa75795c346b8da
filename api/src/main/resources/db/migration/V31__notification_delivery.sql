-- How each notification reached its recipient besides the inbox (docs/notifications.md): one row per
-- notification and channel, inserted once, so a notification goes once per channel whatever the instances
-- and restarts. Nothing personal: ids, the type, a provider's message id, statuses and times; the text is
-- rebuilt from the inbox and the phone number read from the account when the message goes.
CREATE TABLE notification_delivery (
    notification_id     VARCHAR(64)              NOT NULL,
    channel             VARCHAR(16)              NOT NULL,
    user_id             VARCHAR(36)              NOT NULL,
    type                VARCHAR(64)              NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    provider            VARCHAR(16),
    provider_message_id VARCHAR(200),
    reason              VARCHAR(32),
    attempts            INTEGER                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_notification_delivery PRIMARY KEY (notification_id, channel)
);
CREATE INDEX ix_notification_delivery_user ON notification_delivery (user_id);
CREATE INDEX ix_notification_delivery_provider_id ON notification_delivery (provider, provider_message_id);
CREATE INDEX ix_notification_delivery_created ON notification_delivery (created_at);

-- Text messages reserved per UTC day: scope 'platform' for the daily budget, 'user:<id>' for each person's
-- cap. A reservation is one conditional update (used < cap), so instances sharing the database never
-- reserve past a cap together.
CREATE TABLE sms_usage (
    usage_day DATE        NOT NULL,
    scope     VARCHAR(64) NOT NULL,
    used      INTEGER     NOT NULL,
    CONSTRAINT pk_sms_usage PRIMARY KEY (usage_day, scope)
);
