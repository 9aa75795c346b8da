-- The command side's lookup tables: kept from the events by the subscribing processor command-lookups in
-- the transaction that stores them, read by command handlers for what their aggregate does not know.

-- What each escrow holds (for a dispute's opening) ...
CREATE TABLE escrow_holding (
    escrow_id   VARCHAR(255) NOT NULL,
    held_amount BIGINT       NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    CONSTRAINT pk_escrow_holding PRIMARY KEY (escrow_id)
);

-- ... and the chargebacks Paystack told of: holding while one waits for Paystack's resolution (an admin's decision waits)
CREATE TABLE escrow_chargeback (
    escrow_id     VARCHAR(255) NOT NULL,
    chargeback_id VARCHAR(255) NOT NULL,
    known         BOOLEAN      NOT NULL,
    resolved      BOOLEAN      NOT NULL,
    holding       BOOLEAN      NOT NULL,
    CONSTRAINT pk_escrow_chargeback PRIMARY KEY (escrow_id, chargeback_id)
);

-- Every dispute id and its job: an id another job's dispute took is refused
CREATE TABLE known_dispute (
    dispute_id VARCHAR(255) NOT NULL,
    job_id     VARCHAR(255) NOT NULL,
    CONSTRAINT pk_known_dispute PRIMARY KEY (dispute_id)
);
