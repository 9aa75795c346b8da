-- The Paystack sandbox's own state (GIGSTREAM_PAYMENTS=sandbox): what Paystack's servers would keep for the
-- app's checkouts, transfers, refunds, plans and subscriptions. Unused in any other payment mode.
CREATE TABLE sandbox_transaction (
    reference      VARCHAR(100) PRIMARY KEY,
    id             BIGINT       NOT NULL,
    access_code    VARCHAR(64)  NOT NULL UNIQUE,
    email          VARCHAR(320) NOT NULL,
    amount         BIGINT       NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    callback_url   VARCHAR(2000),
    metadata       TEXT         NOT NULL,
    plan_code      VARCHAR(40),
    fees           BIGINT,
    paid_at        TIMESTAMP WITH TIME ZONE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    dispute_id     BIGINT,
    dispute_status VARCHAR(30)
);
CREATE INDEX sandbox_transaction_created ON sandbox_transaction (created_at);

CREATE TABLE sandbox_recipient (
    recipient_code VARCHAR(40)  PRIMARY KEY,
    type           VARCHAR(20)  NOT NULL,
    name           VARCHAR(200) NOT NULL,
    account_number VARCHAR(40)  NOT NULL,
    bank_code      VARCHAR(20),
    currency       VARCHAR(3)
);

CREATE TABLE sandbox_transfer (
    reference      VARCHAR(100) PRIMARY KEY,
    id             BIGINT       NOT NULL,
    transfer_code  VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    amount         BIGINT       NOT NULL,
    currency       VARCHAR(3)   NOT NULL,
    reason         VARCHAR(500),
    recipient_code VARCHAR(40)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sandbox_transfer_created ON sandbox_transfer (created_at);

CREATE TABLE sandbox_refund (
    id                    BIGINT       PRIMARY KEY,
    refund_reference      VARCHAR(40)  NOT NULL,
    transaction_reference VARCHAR(100) NOT NULL,
    amount                BIGINT       NOT NULL,
    currency              VARCHAR(3)   NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sandbox_plan (
    plan_code  VARCHAR(40)  PRIMARY KEY,
    id         BIGINT       NOT NULL,
    name       VARCHAR(200) NOT NULL,
    amount     BIGINT       NOT NULL,
    plan_interval VARCHAR(20) NOT NULL,
    currency   VARCHAR(3)   NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE sandbox_subscription (
    subscription_code VARCHAR(40)  PRIMARY KEY,
    id                BIGINT       NOT NULL,
    email_token       VARCHAR(40)  NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    plan_code         VARCHAR(40)  NOT NULL,
    email             VARCHAR(320) NOT NULL,
    amount            BIGINT       NOT NULL,
    next_payment_date TIMESTAMP WITH TIME ZONE,
    fail_next_renewal BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
