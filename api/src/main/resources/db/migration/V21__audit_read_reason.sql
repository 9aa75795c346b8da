-- Why an admin read account and phone numbers in clear through the audit endpoints; null for a read
-- that showed them masked, as every auditor's read does.
ALTER TABLE audit_read ADD COLUMN reason VARCHAR(500);
