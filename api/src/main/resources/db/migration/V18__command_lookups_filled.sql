-- When the command side's lookup tables were filled from the events stored before they existed (one row,
-- written once by CommandLookupsBackfill at the first start after V16): from then on command-lookups keeps them.
CREATE TABLE command_lookups_filled (
    filled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    events_read  BIGINT                   NOT NULL
);
