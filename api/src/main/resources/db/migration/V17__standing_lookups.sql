-- Standings as the Worker and Client aggregates decide them, for posting, applying and hiring: kept from
-- their events by the subscribing processor command-lookups in the transaction that stores them.
CREATE TABLE worker_standing (
    worker_id   VARCHAR(255) NOT NULL,
    has_profile BOOLEAN      NOT NULL,
    suspended   BOOLEAN      NOT NULL,
    CONSTRAINT pk_worker_standing PRIMARY KEY (worker_id)
);

CREATE TABLE client_standing (
    client_id VARCHAR(255) NOT NULL,
    suspended BOOLEAN      NOT NULL,
    CONSTRAINT pk_client_standing PRIMARY KEY (client_id)
);
