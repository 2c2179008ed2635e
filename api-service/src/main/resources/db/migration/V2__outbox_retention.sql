-- Sent outbox rows are deleted after a retention period: find them by age without scanning the table.
CREATE INDEX outbox_sent ON outbox (sent_at) WHERE sent_at IS NOT NULL;
