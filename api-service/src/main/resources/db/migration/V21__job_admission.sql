-- Quotas: a queued job is handed to workers (its dispatch written to the outbox) only while its tenant has fewer
-- running jobs of its resource class than allowed; until then it waits here, undispatched.
ALTER TABLE jobs ADD COLUMN dispatched BOOLEAN NOT NULL DEFAULT TRUE;

CREATE INDEX jobs_tenant_class_active ON jobs (tenant, resource_class, status)
    WHERE status IN ('QUEUED', 'RUNNING', 'CANCELLING');
CREATE INDEX jobs_held ON jobs (tenant, resource_class, created_at) WHERE status = 'QUEUED' AND NOT dispatched;
