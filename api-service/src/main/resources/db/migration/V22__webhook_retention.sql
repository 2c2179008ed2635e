-- Finished webhook deliveries are deleted after a retention period: find them by age without scanning the table.
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (finished_at) WHERE state <> 'PENDING';
