-- Tamper evidence: every stored event carries chain_hash, the SHA-256 of the previous event's chain_hash of the
-- same aggregate and of the event's own row as stored (payload and metadata as bytes, sealed texts included, so
-- crypto-shredding, which deletes keys and not rows, leaves the chain intact). The database computes it on insert,
-- whoever writes; an auditor's verification recomputes it independently in Java (nl.meldspoor.platform.eventstore
-- .chain.EventChainHash) from the same canonical form:
--
--   chain_hash(n) = SHA-256( chain_hash(previous) || int8(sequencenumber)
--                            || field(aggregateidentifier) || field(type) || field(eventidentifier)
--                            || field(timestamp) || field(payloadtype) || field(payloadrevision)
--                            || field(metadata) || field(payload) )
--   chain_hash(previous) = 32 zero bytes for an aggregate's first event (sequence number 0)
--   field(x) = int4(-1) when x is NULL, else int4(byte length of x) || bytes of x (text as UTF-8)
--   int4, int8 = big-endian two's complement (PostgreSQL int4send/int8send)
--
-- The length prefixes make the form unambiguous: no two different rows give the same input.

CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA AS $$
    SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END;
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION event_chain_hash(previous BYTEA, entry domainevententry) RETURNS BYTEA AS $$
    SELECT sha256(previous
        || int8send(entry.sequencenumber)
        || event_chain_field(convert_to(entry.aggregateidentifier, 'UTF8'))
        || event_chain_field(convert_to(entry.type, 'UTF8'))
        || event_chain_field(convert_to(entry.eventidentifier, 'UTF8'))
        || event_chain_field(convert_to(entry.timestamp, 'UTF8'))
        || event_chain_field(convert_to(entry.payloadtype, 'UTF8'))
        || event_chain_field(convert_to(entry.payloadrevision, 'UTF8'))
        || event_chain_field(entry.metadata)
        || event_chain_field(entry.payload));
$$ LANGUAGE sql IMMUTABLE;

ALTER TABLE domainevententry ADD COLUMN chain_hash BYTEA;

-- Events stored before this migration get their chain once, aggregate by aggregate in sequence order. The
-- append-only trigger is lifted for this one statement by the owner running the migration, in its transaction.
ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_append_only;
DO $$
DECLARE
    entry     domainevententry;
    aggregate VARCHAR(255) := NULL;
    previous  BYTEA;
BEGIN
    FOR entry IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
        IF aggregate IS DISTINCT FROM entry.aggregateidentifier THEN
            aggregate := entry.aggregateidentifier;
            previous := decode(repeat('00', 32), 'hex');
        END IF;
        previous := event_chain_hash(previous, entry);
        UPDATE domainevententry SET chain_hash = previous WHERE globalindex = entry.globalindex;
    END LOOP;
END;
$$;
ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_append_only;

ALTER TABLE domainevententry ALTER COLUMN chain_hash SET NOT NULL;

-- Whatever a writer puts in chain_hash is replaced: the chain is the database's, not the writer's.
CREATE FUNCTION chain_event() RETURNS trigger AS $$
DECLARE
    previous BYTEA;
BEGIN
    SELECT chain_hash INTO previous FROM domainevententry
     WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber < NEW.sequencenumber
     ORDER BY sequencenumber DESC LIMIT 1;
    NEW.chain_hash := event_chain_hash(COALESCE(previous, decode(repeat('00', 32), 'hex')), NEW);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER domainevententry_chain
    BEFORE INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION chain_event();

-- The outcome of each board-wide verification, kept so that health and an administrator can see the last one.
CREATE TABLE event_chain_verification (
    verification_id    UUID        NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL,
    trigger_source     VARCHAR(32) NOT NULL,
    valid_aggregates   BIGINT      NOT NULL,
    broken_aggregates  BIGINT      NOT NULL,
    broken             TEXT        NOT NULL,
    CONSTRAINT event_chain_verification_pkey PRIMARY KEY (verification_id)
);
CREATE INDEX event_chain_verification_finished_at ON event_chain_verification (finished_at);
