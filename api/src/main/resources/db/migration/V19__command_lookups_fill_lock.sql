-- The row of command_lookups_filled is there from the start, empty until the fill: instances that start at
-- once lock it (SELECT ... FOR UPDATE) before they look whether the tables were filled, so one fills them and
-- the others, waiting on the lock, find them filled. A database filled already keeps its row as it is.
ALTER TABLE command_lookups_filled ALTER COLUMN filled_at DROP NOT NULL;
ALTER TABLE command_lookups_filled ALTER COLUMN events_read DROP NOT NULL;
INSERT INTO command_lookups_filled (filled_at, events_read)
SELECT NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM command_lookups_filled);
