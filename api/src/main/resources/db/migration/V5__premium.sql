-- The premium plan at Paystack, per currency: configured, or created once and remembered here.
CREATE TABLE paystack_plan (
    currency  VARCHAR(3)   PRIMARY KEY,
    plan_code VARCHAR(100) NOT NULL,
    amount    BIGINT       NOT NULL
);

-- Premium subscriptions at Paystack: whose they are, what a cancellation needs (the code and the
-- email token) and the end of the period paid for, which the reconciliation sweep checks.
CREATE TABLE paystack_subscription (
    subscription_code VARCHAR(100)             PRIMARY KEY,
    worker_id         VARCHAR(36)              NOT NULL,
    email_token       VARCHAR(100)             NOT NULL,
    plan_code         VARCHAR(100)             NOT NULL,
    status            VARCHAR(30)              NOT NULL,
    period_end        TIMESTAMP WITH TIME ZONE,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_paystack_subscription_worker ON paystack_subscription (worker_id);
