-- The checkout page of each charge, by our reference: a retried saga step reuses it instead of asking
-- Paystack to initialize the same reference again (which it refuses).
CREATE TABLE paystack_checkout (
    reference         VARCHAR(100)             PRIMARY KEY,
    authorization_url VARCHAR(500)             NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Transfer recipients created at Paystack, per worker and payout account.
CREATE TABLE paystack_recipient (
    worker_id      VARCHAR(36)  NOT NULL,
    account_key    VARCHAR(100) NOT NULL,
    recipient_code VARCHAR(100) NOT NULL,
    PRIMARY KEY (worker_id, account_key)
);

-- Webhook deliveries already applied, by Paystack's event identity: a redelivery changes nothing.
CREATE TABLE paystack_webhook_event (
    event_key   VARCHAR(200)             PRIMARY KEY,
    event       VARCHAR(100)             NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
