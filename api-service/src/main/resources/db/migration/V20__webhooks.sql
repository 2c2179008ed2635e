-- Webhook subscriptions of a tenant. The secret signs every delivery (HMAC-SHA256), so it is kept as is; it is
-- shown to the tenant once, when the subscription is created.
CREATE TABLE webhook_subscriptions (
    id               UUID PRIMARY KEY,
    tenant           VARCHAR(64)   NOT NULL,
    url              VARCHAR(2048) NOT NULL,
    events           VARCHAR(200)  NOT NULL,
    description      VARCHAR(200),
    secret           VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    disabled_at      TIMESTAMPTZ,
    disabled_reason  VARCHAR(200)
);

CREATE INDEX webhook_subscriptions_tenant ON webhook_subscriptions (tenant, created_at);

-- Webhook outbox: one row per event and subscription, written in the transaction of the job change that caused
-- it, and sent (and retried) by the webhook relay. The body is fixed when the row is written.
CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    subscription_id  UUID          NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
    event            VARCHAR(16)   NOT NULL,
    job_id           UUID,
    payload          TEXT          NOT NULL,
    state            VARCHAR(16)   NOT NULL,
    attempts         INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ   NOT NULL,
    next_attempt_at  TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);

-- The delivery log: one row per HTTP attempt.
CREATE TABLE webhook_attempts (
    id           BIGSERIAL PRIMARY KEY,
    delivery_id  UUID         NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt      INT          NOT NULL,
    at           TIMESTAMPTZ  NOT NULL,
    status_code  INT,
    latency_ms   BIGINT       NOT NULL,
    error        VARCHAR(500)
);

CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt);
