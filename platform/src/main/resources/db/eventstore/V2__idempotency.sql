-- Retried commands: the first execution's response is kept under the client's Idempotency-Key and
-- returned again, in the same transaction as the events the command appended.
CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(255) NOT NULL,
    request_fingerprint VARCHAR(64)  NOT NULL,
    response_status     INTEGER      NOT NULL,
    response_body       TEXT         NOT NULL,
    location            VARCHAR(1024),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_record_pkey PRIMARY KEY (idempotency_key)
);
