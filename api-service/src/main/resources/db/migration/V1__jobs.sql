-- API keys: only the SHA-256 of a key is stored; each key belongs to one tenant.
CREATE TABLE api_keys (
    id          BIGSERIAL PRIMARY KEY,
    tenant      VARCHAR(64)  NOT NULL,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    label       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE TABLE jobs (
    id               UUID PRIMARY KEY,
    tenant           VARCHAR(64)  NOT NULL,
    type             VARCHAR(16)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    attempt          INT          NOT NULL,
    max_attempts     INT          NOT NULL,
    resource_class   VARCHAR(8)   NOT NULL,
    spec             TEXT         NOT NULL,
    idempotency_key  VARCHAR(200),
    request_hash     CHAR(64)     NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    lease_expires_at TIMESTAMPTZ,
    last_sequence    BIGINT       NOT NULL DEFAULT 0,
    worker_id        VARCHAR(200),
    progress         TEXT,
    result           TEXT,
    error_code       VARCHAR(64),
    error_message    TEXT,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT jobs_idempotency UNIQUE (tenant, idempotency_key)
);

CREATE INDEX jobs_tenant_created ON jobs (tenant, created_at DESC);
CREATE INDEX jobs_lease ON jobs (lease_expires_at) WHERE status IN ('RUNNING', 'CANCELLING');

-- Transactional outbox: written with the job in one transaction, published by the relay with confirms.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    job_id      UUID        NOT NULL REFERENCES jobs (id),
    kind        VARCHAR(16) NOT NULL,
    routing_key VARCHAR(64) NOT NULL,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    sent_at     TIMESTAMPTZ,
    tries       INT         NOT NULL DEFAULT 0
);

CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

CREATE TABLE artifacts (
    job_id        UUID         NOT NULL REFERENCES jobs (id),
    name          VARCHAR(128) NOT NULL,
    attempt       INT          NOT NULL,
    size          BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    content_type  VARCHAR(200) NOT NULL,
    content       BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (job_id, name)
);
