-- The instances that process events, for sharing the processors' segments among them: each instance
-- refreshes its row every claim interval and deletes it when it stops in order; a row older than the claim
-- timeout is an instance that died (its segments are taken over as its claims expire). Rows of dead
-- instances are deleted by the others after a while.
CREATE TABLE processing_node (
    node_id   VARCHAR(255)             NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_processing_node PRIMARY KEY (node_id)
);
