-- The escrows cancelled unpaid (the payment window closed), kept by command-lookups beside escrow_holding: money
-- that arrives after the cancellation is to be refunded, so it does not fund the job. Escrows cancelled before this
-- table existed are not in it: their hires had lapsed already, and a Job asks only about the escrow of its hire.
CREATE TABLE escrow_cancelled (
    escrow_id VARCHAR(255) NOT NULL,
    CONSTRAINT pk_escrow_cancelled PRIMARY KEY (escrow_id)
);
